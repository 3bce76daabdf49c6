import type { ConnectorConfigBase } from "./kind";

/** Longest connector-name slug a stack name carries. */
export const SLUG_LENGTH = 40;

/**
 * Names of the stacks that provision a tenant's connectors, index for index:
 * `<tenant>-<kind>`, plus a slug of the connector name when the tenant has several
 * connectors of that kind. One pass to count kinds, one to name: linear in the
 * number of connectors (a per-connector scan of the siblings was quadratic).
 */
export function stackNames(tenant: string, connectors: readonly ConnectorConfigBase[]): string[] {
  const perKind = new Map<string, number>();
  for (const { kind } of connectors) perKind.set(kind, (perKind.get(kind) ?? 0) + 1);
  return connectors.map(({ kind, name }) => {
    const base = `${tenant}-${kind}`;
    return (perKind.get(kind) ?? 0) > 1 ? `${base}-${connectorSlug(name)}` : base;
  });
}

/**
 * The part of a connector name a stack name keeps: lower-case a-z and 0-9 runs joined
 * by '-', at most {@link SLUG_LENGTH} characters. The config check uses this same
 * function, so it rejects exactly the names that would share a stack.
 */
export function connectorSlug(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, SLUG_LENGTH);
}
