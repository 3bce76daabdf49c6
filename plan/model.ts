import type { Grant } from "../connectors/grant";
import type { PlanNotice, PlannedValue, Provisioning } from "../connectors/kind";
import type { ExtractedGrant } from "./extracted-grant";

/** One field of the Insights form and where its value will come from. */
export interface PlannedField {
  readonly key: string;
  readonly label: string;
  readonly secret: boolean;
  readonly enteredIn?: "installer";
  readonly value: PlannedValue | { readonly from: "unset" };
}

export interface PlannedConnector {
  readonly kind: string;
  readonly name: string;
  /** Where in the console the connector is created. */
  readonly consolePath: string;
  readonly provisioning: Provisioning & { readonly stackName?: string };
  readonly registration: readonly PlannedField[];
  readonly grants: readonly Grant[];
  /** Steps done by hand, elevations the deploy needs, reduced coverage of an opt-out. */
  readonly notices?: readonly PlanNotice[];
  /**
   * The grants read back from the synthesized artifacts (templates, Terraform JSON, the
   * Pulumi program, the GitHub manifest); absent for kinds without one, or with --no-extract.
   */
  readonly extractedGrants?: readonly ExtractedGrant[];
  /**
   * How long each credential the stack creates stays usable, read from the synthesized
   * artifact (what will be deployed, not what the config asked for); absent with --no-extract.
   */
  readonly credentialLifetimes?: readonly CredentialLifetime[];
}

/** One expiring credential of a stack (a client secret), as its artifact defines it. */
export interface CredentialLifetime {
  /** What it is, e.g. `Entra client secret`. */
  readonly credential: string;
  /** A new credential replaces the current one this often (`time_rotating`); absent: never. */
  readonly rotationDays?: number;
  /** How long one credential is valid from its creation (`end_date`); absent: until replaced. */
  readonly validDays?: number;
  /** How long the replaced credential keeps working after a rotation (`previous.expires_at`); 0: not at all. */
  readonly previousValidDays: number;
  /** The replaced credential is removed only after the new one is registered (a later apply), not on a clock. */
  readonly previousUntilRegistered?: boolean;
  /** Where it was read, e.g. `cdktf.out/stacks/acme-azure/cdk.tf.json azuread_application_password.client_secret`. */
  readonly artifact: string;
}

export interface PlannedTenant {
  readonly name: string;
  readonly insights: { readonly adapter: string; readonly url?: string; readonly siteId?: string };
  readonly connectors: readonly PlannedConnector[];
}

/** What the toolkit would do for a config. Contains references, never secret values. */
export interface Plan {
  readonly planVersion: 1;
  readonly tenants: readonly PlannedTenant[];
}
