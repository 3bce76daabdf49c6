import { fieldPath, type ConnectorRule } from "./rule";

/** Scope types by family and breadth; moving to a broader type of the same family widens access. */
const SCOPE_BREADTH: Record<string, [family: string, breadth: number]> = {
  "aws-account": ["aws", 1],
  "aws-organization": ["aws", 2],
  "gcp-project": ["gcp-projects", 1],
  "gcp-organization-projects": ["gcp-projects", 2],
  "entra-tenant": ["azure", 1],
  "azure-management-group": ["azure", 2],
};
const scopeType = (scope: string): [string, number] => SCOPE_BREADTH[scope.split(":")[0]] ?? [scope.split(":")[0], 1];

/**
 * `scope-widened`: a scope broader than any of its family the base reached (an account become
 * the organization, a project list become every project). A new connector is judged against
 * nothing: an organization-wide scope escalates although nothing narrower came before it.
 */
export const scopeWidened: ConnectorRule = ({ base, head, grants }) => {
  const widestBefore = (family: string) =>
    Math.max(
      0,
      ...[...grants.scopesBefore]
        .map(scopeType)
        .filter(([f]) => f === family)
        .map(([, b]) => b),
    );
  return grants.scopes.added
    .filter((scope) => {
      const [family, reach] = scopeType(scope);
      return reach > 1 && reach > widestBefore(family);
    })
    .map((scope) => ({
      rule: "scope-widened",
      message: `widens scope to ${scope}`,
      basePath: fieldPath(base),
      headPath: fieldPath(head),
    }));
};
