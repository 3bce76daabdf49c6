import type { ConnectorConfigBase } from "./kind";

/**
 * Name of the stack that provisions a connector: `<tenant>-<kind>`, plus a slug of
 * the connector name when a tenant has several connectors of that kind.
 */
export function stackName(tenant: string, connector: ConnectorConfigBase, siblings: readonly ConnectorConfigBase[]): string {
  const sameKind = siblings.filter((c) => c.kind === connector.kind);
  const base = `${tenant}-${connector.kind}`;
  return sameKind.length > 1 ? `${base}-${slug(connector.name)}` : base;
}

function slug(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40);
}
