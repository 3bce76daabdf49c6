export interface PathIssue {
  readonly path: readonly PropertyKey[];
  readonly message: string;
}

type Loose = Record<string, unknown>;
const asList = (value: unknown): Loose[] => (Array.isArray(value) ? (value as Loose[]) : []);

/**
 * Rules that span entries: tenant names prefix stack names, and the registration
 * stage reconciles connectors by kind + name, so both must be unique. Tolerates
 * malformed entries (they get their own errors) so it can run in the same pass.
 */
export function crossCheck(tenants: unknown): PathIssue[] {
  const issues: PathIssue[] = [];
  const tenantSeen = new Map<string, number>();
  asList(tenants).forEach((tenant, t) => {
    if (typeof tenant?.name === "string") {
      const first = tenantSeen.get(tenant.name);
      if (first !== undefined) {
        issues.push({ path: ["tenants", t, "name"], message: `duplicate tenant name "${tenant.name}" (first at tenants[${first}])` });
      } else tenantSeen.set(tenant.name, t);
    }
    const connectorSeen = new Map<string, number>();
    asList(tenant?.connectors).forEach((connector, c) => {
      if (typeof connector?.kind !== "string" || typeof connector?.name !== "string") return;
      const key = `${connector.kind}\0${connector.name.trim().toLowerCase()}`;
      const first = connectorSeen.get(key);
      if (first !== undefined) {
        issues.push({
          path: ["tenants", t, "connectors", c, "name"],
          message: `duplicate ${connector.kind} connector name "${connector.name}" in this tenant (first at connectors[${first}]); Insights tells connectors apart by kind and name`,
        });
      } else connectorSeen.set(key, c);
    });
  });
  return issues;
}
