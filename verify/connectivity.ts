import type { TenantConfig } from "../config/types";
import { connectorKey } from "../plan/connector-key";
import type { Connector } from "../providers/insights/contract";
import { insightsApiFor } from "../register/insights-target";

/** A connector's connectivity as Insights reports it, or why it was not asked. */
export type Connectivity =
  | { readonly state: Connector["connectivity"] }
  | { readonly state: "not registered" }
  | { readonly state: "not checked"; readonly reason: string }
  | { readonly state: "unreadable"; readonly reason: string };

/** Connectivity of each connector of one tenant, by `<kind>\n<name>`, through the adapter's `list()`. */
export type TenantConnectivity = (kind: string, name: string) => Connectivity;

/**
 * Asks the tenant's Insights once (the same adapter `status` uses); a sheet tenant has no
 * API, so its connectors are "not checked". A failure is kept, not thrown: it is reported
 * beside each connector of the tenant and makes the run exit 1.
 */
export async function tenantConnectivity(
  tenant: TenantConfig,
  configDir: string,
  env: NodeJS.ProcessEnv,
  timeoutMs: number,
  emulatorUrl?: string,
): Promise<TenantConnectivity> {
  let connectors: Connector[];
  try {
    const api = insightsApiFor(tenant.insights, configDir, env, { timeoutMs }, emulatorUrl);
    if (!api) return () => ({ state: "not checked", reason: "sheet adapter: no API to ask" });
    connectors = await api.list();
  } catch (error) {
    const reason = `Insights list connectors: ${(error as Error).message}`;
    return () => ({ state: "unreadable", reason });
  }
  const byKey = new Map(connectors.map((c) => [connectorKey(tenant.name, c.kind, c.name), c]));
  return (kind, name) => {
    const found = byKey.get(connectorKey(tenant.name, kind, name));
    return found ? { state: found.connectivity } : { state: "not registered" };
  };
}
