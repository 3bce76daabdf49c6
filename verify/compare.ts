import type { Grant } from "../connectors/grant";
import { stricterAccess } from "../review/access/by-kind";
import { compareGrants, type GrantMismatch } from "../review/consistency";
import type { Drift, DriftChange, SourceReading } from "./reading";

/** Grant kinds whose extra entries reach further (another OU, another account), not merely more. */
const REACH_KINDS = new Set<Grant["kind"]>(["aws-stackset-target"]);

function changeOf(mismatch: GrantMismatch, kind: Grant["kind"]): DriftChange {
  switch (mismatch.problem) {
    case "missing from artifact":
      return "missing";
    case "not in catalog":
      return REACH_KINDS.has(kind) ? "wider scope" : "extra";
    case "access differs":
      return "wrong level";
    case "condition differs":
      return kind === "trust" ? "trust condition changed" : "condition changed";
  }
}

/** `catalog read, artifact write` said as verify says it. */
const inVerifyWords = (detail: string | undefined) =>
  detail?.replace(/\bartifact\b/g, "deployed").replace(/"none"/g, "none");

/**
 * The catalog's grants against what the reader found, by the same comparison `plan` uses
 * between the catalog and the synthesized stacks (review/consistency.ts), in verify's words.
 * A surplus carries the stricter of the reader's access and today's classifier of its name.
 */
export function grantDrift(catalog: readonly Grant[], reading: SourceReading): Drift[] {
  const drift: Drift[] = [...(reading.drift ?? [])];
  if (!reading.grants) return drift;
  const scopes = reading.scopes;
  const compared = scopes ? catalog.filter((g) => scopes.includes(g.scope)) : catalog;
  for (const mismatch of compareGrants(compared, reading.grants)) {
    const grant = mismatch.found;
    const change = changeOf(mismatch, mismatch.kind);
    const fields = {
      subject: mismatch.grant,
      ...(mismatch.detail ? { detail: inVerifyWords(mismatch.detail) } : {}),
      ...(mismatch.artifact ? { where: mismatch.artifact } : {}),
    };
    if (change === "extra" || change === "wider scope") {
      // A surplus always comes from a found grant; "write" only guards against a mismatch naming none.
      const access = grant ? stricterAccess(grant.kind, grant.name, grant.access) : "write";
      drift.push({ change, access, ...fields });
    } else {
      drift.push({ change, ...fields });
    }
  }
  return drift;
}
