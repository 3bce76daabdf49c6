import { stackNames } from "../connectors/stack-name";
import type { ConnectorConfig } from "../connectors/catalog";
import type { ToolkitConfig } from "./types";

/** Every connector of one kind across the config's tenants, with the stack name it gets. */
export function connectorsOfKind<C extends ConnectorConfig>(
  config: ToolkitConfig,
  kind: C["kind"],
): { name: string; tenant: string; connector: C }[] {
  return config.tenants.flatMap((tenant) => {
    const names = stackNames(tenant.name, tenant.connectors);
    return tenant.connectors.flatMap((connector, i) =>
      connector.kind === kind ? [{ name: names[i], tenant: tenant.name, connector: connector as C }] : [],
    );
  });
}
