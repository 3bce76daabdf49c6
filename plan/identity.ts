import { stackNames } from "../connectors/stack-name";
import type { PlannedConnectorRecord, PlannedTenantRecord } from "./model";

/**
 * Each connector of a tenant with its identity: the stack name the plan recorded, or, for a plan
 * file from before identities were recorded, the same name derived from kinds and names
 * (connectors/stack-name.ts depends on nothing else, so the derivation cannot disagree).
 */
export function withIdentities(
  tenant: Pick<PlannedTenantRecord, "name" | "connectors">,
): { readonly identity: string; readonly connector: PlannedConnectorRecord }[] {
  const derived = stackNames(tenant.name, tenant.connectors);
  return tenant.connectors.map((connector, i) => ({ identity: connector.identity ?? derived[i], connector }));
}
