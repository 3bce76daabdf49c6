/**
 * Where a connector's secrets go besides the Insights API. `register` sends every secret field
 * of the form to the tenant's Insights API (plan/secrets.ts adds that destination); each kind
 * declares the rest here, so a reviewer sees every host a secret, or a token made with it, reaches.
 */
export interface SecretHost {
  /**
   * The host, with a qualifier where the host alone does not say whose it is:
   * `auth.pingone.eu/<environmentId>`, `login.microsoftonline.com/<tenantId>`.
   */
  readonly host: string;
  /** Who sends it there: `Insights` (to read the source), `Insights Collector`, `ECM`, `verify`, `deploy`. */
  readonly by: string;
  /** The config field of the connector that names the host (`domain`, `plugin.endpointUrl`); absent: the kind fixes it. */
  readonly field?: string;
}

/** A credential of whoever runs `up` or `verify`, read from the environment, and where it goes. */
export interface OperatorCredential {
  /** What it is, e.g. `Okta API token (Pulumi okta provider)`. */
  readonly credential: string;
  /** The environment variable it is read from. */
  readonly env: string;
  readonly hosts: readonly SecretHost[];
}

/** A kind's secret destinations for one connector config. */
export interface SecretHosts {
  /** Where the form's secrets (and tokens made with them) go after registration: the source's own hosts. */
  readonly source: readonly SecretHost[];
  /** Secret references of the config that are not form fields, by config field (the AWS external ID). */
  readonly byField?: Readonly<Record<string, readonly SecretHost[]>>;
  /** The operator's credentials the engine or verify send to a host the config names. */
  readonly operator?: readonly OperatorCredential[];
}

/** The host of a URL, lower-case, with its port when it has one. */
export function hostOf(url: string): string {
  return new URL(url).host.toLowerCase();
}
