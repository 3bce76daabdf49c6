import type { ConnectorConfig } from "../connectors/catalog";
import type { Grant } from "../connectors/grant";
import type { PlanNotice, PlannedValue, Provisioning, StackProvisioning } from "../connectors/kind";
import type { SecretRef } from "../values/secret-ref";
import type { ConnectorKey } from "./connector-key";
import type { ExtractedGrant } from "./extracted-grant";

/** One field of the Insights form and where its value will come from. */
export interface PlannedField {
  readonly key: string;
  readonly label: string;
  readonly secret: boolean;
  readonly enteredIn?: "installer";
  readonly value: PlannedValue | { readonly from: "unset" };
}

/** How a connector is provisioned, as the plan records it: a stack with the name it is deployed under. */
export type PlannedProvisioning =
  (StackProvisioning & { readonly stackName: string }) | Exclude<Provisioning, StackProvisioning>;

/** One connector as a plan file records it: what `plan --format json` writes and `diff` reads back. */
export interface PlannedConnectorRecord {
  readonly kind: string;
  readonly name: string;
  /** Where in the console the connector is created. */
  readonly consolePath: string;
  readonly provisioning: PlannedProvisioning;
  readonly registration: readonly PlannedField[];
  /** The catalog's grants for this connector's config. */
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

/**
 * Where the AWS external ID comes from when the stack is deployed: Insights issues it (`up`
 * asks the tenant's connector API), or, for a tenant without an API (`sheet`), the config's
 * reference holds the value the connection panel showed.
 */
export type ExternalIdInput = { readonly from: "insights" } | { readonly from: "config"; readonly ref: SecretRef };

/** What a deploy needs beyond the stack's own config, decided by the plan; values are resolved only at deploy. */
export interface DeployInputs {
  /** The AWS role's external ID (kinds whose catalog entry `needsFromInsights` it). */
  readonly awsExternalId?: ExternalIdInput;
}

/**
 * The one carrier of a connector's facts, computed once by `buildPlan`: its stack name, key,
 * grants and deploy inputs, beside the config it was planned from. Every later stage (review,
 * register, verify, lifecycle, the engine apps) reads them here and never recomputes them.
 * The fields beyond {@link PlannedConnectorRecord} live in memory only: a plan file holds none.
 */
export interface PlannedConnector<C extends ConnectorConfig = ConnectorConfig> extends PlannedConnectorRecord {
  readonly tenant: string;
  /** Identity of the connector across the config (plan/connector-key.ts). */
  readonly key: ConnectorKey;
  /** Its index in the tenant's `connectors:` list: `up` follows the file's order, `down` its reverse. */
  readonly position: number;
  /** The connector's entry of the tenant config, secret references unresolved. */
  readonly config: C;
  readonly deployInputs: DeployInputs;
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

/** One tenant as a plan file records it. */
export interface PlannedTenantRecord {
  readonly name: string;
  readonly insights: { readonly adapter: string; readonly url?: string; readonly siteId?: string };
  readonly connectors: readonly PlannedConnectorRecord[];
}

/** What the toolkit would do for a config, as a plan file records it. Contains references, never secret values. */
export interface PlanRecord {
  readonly planVersion: 1;
  readonly tenants: readonly PlannedTenantRecord[];
}

/** A tenant of a plan built in this process: its connectors are carriers, sorted by kind and name. */
export interface PlannedTenant extends PlannedTenantRecord {
  readonly connectors: readonly PlannedConnector[];
}

/** What the toolkit would do for a config, built in this process (plan/build.ts). */
export interface Plan extends PlanRecord {
  readonly tenants: readonly PlannedTenant[];
}
