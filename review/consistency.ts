import { grantKey, type Grant } from "../connectors/grant";
import type { ExtractedGrant } from "../plan/extracted-grant";

/** One way an artifact disagrees with the catalog. */
export interface GrantMismatch {
  readonly problem: "missing from artifact" | "not in catalog" | "access differs" | "condition differs";
  readonly grant: string;
  /** The grant's kind, and the artifact's grant it concerns (none when the artifact lacks it). */
  readonly kind: Grant["kind"];
  readonly found?: ExtractedGrant;
  readonly detail?: string;
  readonly artifact?: string;
}

function describe(g: Pick<Grant, "scope" | "kind" | "name">): string {
  return `${g.kind} ${g.name} @ ${g.scope}`;
}

/**
 * Compares what the catalog says a connector needs with what its artifacts grant:
 * same keys, same access, same condition. Origins and notes are the catalog's alone.
 */
export function compareGrants(catalog: readonly Grant[], extracted: readonly ExtractedGrant[]): GrantMismatch[] {
  const expected = new Map(catalog.map((g) => [grantKey(g), g]));
  const found = new Map<string, ExtractedGrant>();
  const mismatches: GrantMismatch[] = [];
  for (const g of extracted) {
    const key = grantKey(g);
    const previous = found.get(key);
    // The same grant in two places (the management and member-account roles) must agree.
    if (previous && (previous.access !== g.access || previous.condition !== g.condition)) {
      mismatches.push({
        problem: "condition differs",
        grant: describe(g),
        kind: g.kind,
        found: g,
        detail: `${previous.artifact} and ${g.artifact} disagree`,
        artifact: g.artifact,
      });
    }
    found.set(key, g);
  }
  for (const [key, g] of expected) {
    const got = found.get(key);
    if (!got) mismatches.push({ problem: "missing from artifact", grant: describe(g), kind: g.kind });
    else if (got.access !== g.access)
      mismatches.push({
        problem: "access differs",
        grant: describe(g),
        kind: g.kind,
        found: got,
        detail: `catalog ${g.access}, artifact ${got.access}`,
        artifact: got.artifact,
      });
    else if ((got.condition ?? "") !== (g.condition ?? "")) {
      mismatches.push({
        problem: "condition differs",
        grant: describe(g),
        kind: g.kind,
        found: got,
        detail: `catalog "${g.condition ?? "none"}", artifact "${got.condition ?? "none"}"`,
        artifact: got.artifact,
      });
    }
  }
  for (const [key, g] of found)
    if (!expected.has(key))
      mismatches.push({ problem: "not in catalog", grant: describe(g), kind: g.kind, found: g, artifact: g.artifact });
  return mismatches;
}

export function formatMismatches(connector: string, mismatches: readonly GrantMismatch[]): string {
  return mismatches
    .map(
      (m) =>
        `${connector}: ${m.problem}: ${m.grant}${m.detail ? ` (${m.detail})` : ""}${m.artifact ? ` [${m.artifact}]` : ""}`,
    )
    .join("\n");
}
