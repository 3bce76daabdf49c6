/**
 * A connector's identity across a config: its tenant, kind and name. The config check makes
 * kind and name unique within a tenant (config/cross-checks.ts), and Insights reconciles by
 * them, so two connectors with one key are the same connector.
 */
export type ConnectorKey = string;

/** The one definition of a connector's key; `buildPlan` computes it once per connector. */
export function connectorKey(tenant: string, kind: string, name: string): ConnectorKey {
  return `${tenant}\n${kind}\n${name}`;
}
