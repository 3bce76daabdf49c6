import { grantKey } from "../connectors/grant";
import type { ExtractedGrant } from "../plan/extracted-grant";
import type { PlannedConnectorRecord } from "../plan/model";
import { stricterAccess } from "./access/by-kind";

/** A grant as plans compare it: what it is and where, not where it was found or why. */
export type ComparableGrant = Omit<ExtractedGrant, "artifact">;

export interface GrantChange {
  readonly change: "added" | "removed" | "changed";
  readonly grant: ComparableGrant;
  /** For `changed`: the grant before. */
  readonly before?: ComparableGrant;
}

/** The grants of one connector and how they changed, as the diff and its rules read them. */
export interface GrantDiff {
  readonly grants: GrantChange[];
  readonly scopes: { added: string[]; removed: string[]; grantsMoved: number };
  /** Every scope the base's grants reach (empty for a new connector). */
  readonly scopesBefore: ReadonlySet<string>;
}

/**
 * A connector's grants as a plan states them: read back from the artifacts when it was, else the
 * catalog's; each access the stricter of the plan's and today's classifier's (an older plan that
 * called a write permission read is not believed).
 */
export function grantsOf(connector: PlannedConnectorRecord | undefined): ComparableGrant[] {
  if (!connector) return [];
  return (connector.extractedGrants ?? connector.grants).map(({ source, scope, kind, name, access, condition }) => ({
    source,
    scope,
    kind,
    name,
    access: stricterAccess(kind, name, access),
    ...(condition ? { condition } : {}),
  }));
}

export function describeGrant(g: ComparableGrant): string {
  return `${g.kind} ${g.name}${g.condition ? ` (${g.condition})` : ""} @ ${g.scope}`;
}

/** Added, removed and changed grants between two sides of one connector; a grant that only moved scope is counted, not listed. */
export function diffGrants(
  base: PlannedConnectorRecord | undefined,
  head: PlannedConnectorRecord | undefined,
): GrantDiff {
  const before = new Map(grantsOf(base).map((g) => [grantKey(g), g]));
  const after = new Map(grantsOf(head).map((g) => [grantKey(g), g]));
  const grants: GrantChange[] = [];
  for (const [key, g] of after) {
    const old = before.get(key);
    if (!old) grants.push({ change: "added", grant: g });
    else if (old.access !== g.access || (old.condition ?? "") !== (g.condition ?? ""))
      grants.push({ change: "changed", grant: g, before: old });
  }
  for (const [key, g] of before) if (!after.has(key)) grants.push({ change: "removed", grant: g });

  // A grant that only moved to another scope is told once, on the Scope line, not as - and +.
  const sameExceptScope = (a: ComparableGrant, b: ComparableGrant) =>
    a.kind === b.kind && a.name === b.name && a.access === b.access && (a.condition ?? "") === (b.condition ?? "");
  let moved = 0;
  for (const added of grants.filter((g) => g.change === "added")) {
    const twin = grants.find(
      (g) => g.change === "removed" && g.grant.scope !== added.grant.scope && sameExceptScope(g.grant, added.grant),
    );
    if (!twin) continue;
    grants.splice(grants.indexOf(twin), 1);
    grants.splice(grants.indexOf(added), 1);
    moved += 1;
  }
  const scopesBefore = new Set([...before.values()].map((g) => g.scope));
  const scopesAfter = new Set([...after.values()].map((g) => g.scope));
  return {
    grants: grants.sort((a, b) => (grantKey(a.grant) < grantKey(b.grant) ? -1 : 1)),
    scopes: {
      added: [...scopesAfter].filter((s) => !scopesBefore.has(s)).sort(),
      removed: [...scopesBefore].filter((s) => !scopesAfter.has(s)).sort(),
      grantsMoved: moved,
    },
    scopesBefore,
  };
}
