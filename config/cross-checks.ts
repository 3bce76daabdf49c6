import { SLUG_LENGTH, stackNames } from "../connectors/stack-name";

export interface PathIssue {
  readonly path: readonly PropertyKey[];
  readonly message: string;
}

type Loose = Record<string, unknown>;
const asList = (value: unknown): Loose[] => (Array.isArray(value) ? (value as Loose[]) : []);
interface Named {
  readonly index: number;
  readonly kind: string;
  readonly name: string;
}

/**
 * Rules that span entries: tenant names prefix stack names, and the registration
 * stage reconciles connectors by kind + name, so both must be unique; and no two
 * connectors may share a stack. Tolerates malformed entries (they get their own
 * errors) so it can run in the same pass.
 */
export function crossCheck(tenants: unknown): PathIssue[] {
  const issues: PathIssue[] = [];
  const tenantSeen = new Map<string, number>();
  asList(tenants).forEach((tenant, t) => {
    if (typeof tenant?.name === "string") {
      const first = tenantSeen.get(tenant.name);
      if (first !== undefined) {
        issues.push({
          path: ["tenants", t, "name"],
          message: `duplicate tenant name "${tenant.name}" (first at tenants[${first}])`,
        });
      } else tenantSeen.set(tenant.name, t);
    }
    const named = asList(tenant?.connectors).flatMap((c, index): Named[] =>
      typeof c?.kind === "string" && typeof c?.name === "string" ? [{ index, kind: c.kind, name: c.name }] : [],
    );
    const duplicates = duplicateNames(named);
    issues.push(...duplicates.issues.map((issue) => ({ ...issue, path: ["tenants", t, ...issue.path] })));
    const tenantName = typeof tenant?.name === "string" ? tenant.name : "tenant";
    const collisions = stackCollisions(tenantName, named, duplicates.flagged);
    issues.push(...collisions.map((issue) => ({ ...issue, path: ["tenants", t, ...issue.path] })));
  });
  return issues;
}

/** Same kind, same trimmed lower-case name: Insights could not tell them apart. */
function duplicateNames(named: readonly Named[]): { issues: PathIssue[]; flagged: Set<number> } {
  const issues: PathIssue[] = [];
  const flagged = new Set<number>();
  const seen = new Map<string, number>();
  for (const { index, kind, name } of named) {
    const key = `${kind}\0${name.trim().toLowerCase()}`;
    const first = seen.get(key);
    if (first === undefined) {
      seen.set(key, index);
      continue;
    }
    flagged.add(index);
    issues.push({
      path: ["connectors", index, "name"],
      message: `duplicate ${kind} connector name "${name}" in this tenant (first at connectors[${first}]); Insights tells connectors apart by kind and name`,
    });
  }
  return { issues, flagged };
}

/**
 * Distinct names that still make one stack name ("Acme Okta" and "Acme-Okta", or two
 * long names alike in their first slug characters): synth would fail on a duplicate
 * construct and `register` would read one stack's outputs for both. Every member of
 * a collision is reported, each naming the others, so both places are located.
 */
function stackCollisions(tenant: string, named: readonly Named[], alreadyFlagged: ReadonlySet<number>): PathIssue[] {
  const names = stackNames(tenant, named);
  const byStack = new Map<string, Named[]>();
  named.forEach((connector, i) => {
    const members = byStack.get(names[i]);
    if (members) members.push(connector);
    else byStack.set(names[i], [connector]);
  });
  const issues: PathIssue[] = [];
  for (const [stack, members] of byStack) {
    if (members.length < 2) continue;
    const distinct = members.filter((m) => !alreadyFlagged.has(m.index));
    if (distinct.length < 2) continue;
    for (const member of distinct) {
      const others = distinct.filter((m) => m !== member).map((m) => `connectors[${m.index}] ("${m.name}")`);
      issues.push({
        path: ["connectors", member.index, "name"],
        message:
          `makes the same stack name "${stack}" as ${others.join(", ")}; a stack name keeps the name's a-z and 0-9 ` +
          `runs, lower-cased and joined by '-', up to ${SLUG_LENGTH} characters: rename one so they differ there`,
      });
    }
  }
  return issues;
}
