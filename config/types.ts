import type { ConnectorConfig } from "../connectors/catalog";
import type { SecretRef } from "../values/secret-ref";

export interface InsightsTarget {
  readonly adapter: "http" | "sheet" | "emulator";
  readonly url?: string;
  readonly siteId?: string;
  readonly token?: SecretRef;
}

export interface TenantConfig {
  readonly name: string;
  readonly insights: InsightsTarget;
  readonly connectors: readonly ConnectorConfig[];
}

/** A validated config file. Secrets are {@link SecretRef}s: nothing here is a secret value. */
export interface ToolkitConfig {
  readonly version: 1;
  readonly tenants: readonly TenantConfig[];
  /** The file it was read from, as given. */
  readonly file: string;
  /** Directory `file:` references are relative to. */
  readonly dir: string;
}
