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
  /**
   * The connector's identity across configs: its stack name (`<tenant>-<kind>`, plus a slug of
   * its name when the tenant has several of its kind). A rename that keeps it is the same
   * connector with a new display name. Absent in plans from before it was recorded (review/
   * identity.ts derives it the same way then).
   */
  readonly identity?: string;
  /** Where the connector's entry sits in the config: `tenants[0].connectors[2]`. */
  readonly configPath?: string;
  /**
   * Where each secret of the connector goes: its reference (never the value) and every host it
   * or a token made with it is sent to. Absent in old plans: `diff` then judges every head
   * destination as new.
   */
  readonly secrets?: readonly PlannedSecret[];
  /**
   * Who may act as each identity the stack creates (trust, boundary, session length, owners),
   * read from the synthesized artifacts; absent with --no-extract or for kinds without a stack.
   */
  readonly trust?: readonly ActingIdentity[];
}

/** One secret a connector (or a tenant) uses, as a reviewer judges it: what it is and where it goes. */
export interface PlannedSecret {
  /** The form or config field that carries it (`clientSecret`, `externalId`, `insights.token`), or the credential. */
  readonly field: string;
  /**
   * `env:NAME`; `file:PATH` with the path normalised against the config's folder (it starts
   * with `../`, or is absolute, only when the file lies outside it); or `output:NAME`, a stack
   * output the deploy hands to registration. Never the value.
   */
  readonly reference: string;
  /** Where the reference is written in the config, `tenants[0].connectors[2].clientSecret`; absent for outputs. */
  readonly configPath?: string;
  /** A `file:` reference that leads outside the config's folder (by `..`, an absolute path, or a symlink). */
  readonly outsideConfigFolder?: true;
  /** Every destination, sorted by host. */
  readonly destinations: readonly SecretDestination[];
}

/** A place a secret (or a token made with it) is sent to. */
export interface SecretDestination {
  /**
   * The host, with a qualifier where the host alone does not say whose it is:
   * `app.beyondtrust.io/site/<siteId>`, `auth.pingone.eu/<environmentId>`, `acme.okta.com`.
   */
  readonly host: string;
  /** Who sends it there: `register` (the Insights API), `Insights` (to the source), `verify`, `deploy`. */
  readonly by: string;
  /** The config field that names the host, `tenants[0].insights.url`; absent when the kind fixes it. */
  readonly configPath?: string;
}

/** Something a stack creates that can be acted as (an AWS role, an Entra app, a GCP service account). */
export interface ActingIdentity {
  /** What it is, e.g. `AWS role BeyondTrustInsightsReadOnly`, `Entra application connector_application`. */
  readonly identity: string;
  /** Who may act as it, each with the conditions that bind them. */
  readonly trustedBy: readonly TrustRelation[];
  /** AWS: the permissions boundary's ARN (or its template expression); absent: none. */
  readonly permissionsBoundary?: string;
  /** AWS: the longest session the role allows, in seconds. */
  readonly maxSessionSeconds?: number;
  /** Who owns it and so may add credentials to it (Entra owners). */
  readonly owners?: readonly string[];
  /** Where it was read: `acme-aws.template.json Resources.InsightsRoleAEC280F2`. */
  readonly artifact: string;
}

/** One principal that may act as an identity. */
export interface TrustRelation {
  /**
   * `aws-principal` (an ARN or `*`), `aws-service`, `federated` (an OIDC or SAML provider:
   * `AssumeRoleWithWebIdentity`), `federated-credential` (Entra workload identity federation),
   * `impersonation` (a member of a GCP service account's IAM policy).
   */
  readonly type: "aws-principal" | "aws-service" | "federated" | "federated-credential" | "impersonation";
  /** The principal as the artifact names it. */
  readonly principal: string;
  /** The AWS account it belongs to, when it is an IAM ARN. */
  readonly account?: string;
  /**
   * The conditions that bind it, sorted: `StringEquals sts:ExternalId` (the external ID's value is
   * a deploy parameter, never shown), `StringLike token.actions.githubusercontent.com:sub = repo:acme/*`.
   */
  readonly conditions: readonly string[];
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
  readonly identity: string;
  readonly configPath: string;
  readonly secrets: readonly PlannedSecret[];
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
  /** Where the tenant's entry sits in the config: `tenants[0]`. */
  readonly configPath?: string;
  /** The tenant's own secrets (the Insights API token) and where they go; absent in old plans. */
  readonly secrets?: readonly PlannedSecret[];
}

/** What the toolkit would do for a config, as a plan file records it. Contains references, never secret values. */
export interface PlanRecord {
  readonly planVersion: 1;
  readonly tenants: readonly PlannedTenantRecord[];
}

/** A tenant of a plan built in this process: its connectors are carriers, sorted by kind and name. */
export interface PlannedTenant extends PlannedTenantRecord {
  readonly connectors: readonly PlannedConnector[];
  readonly configPath: string;
  readonly secrets: readonly PlannedSecret[];
}

/** What the toolkit would do for a config, built in this process (plan/build.ts). */
export interface Plan extends PlanRecord {
  readonly tenants: readonly PlannedTenant[];
}
