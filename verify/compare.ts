import type { Grant } from "../connectors/grant";
import { compareGrants, type GrantMismatch } from "../review/consistency";
import type { Drift, DriftChange, SourceReading } from "./reading";

/** Grant kinds whose extra entries reach further (another OU, another account), not merely more. */
const REACH_KINDS = new Set<Grant["kind"]>(["aws-stackset-target"]);

function changeOf(mismatch: GrantMismatch, kind: Grant["kind"] | undefined): DriftChange {
  switch (mismatch.problem) {
    case "missing from artifact":
      return "missing";
    case "not in catalog":
      return kind && REACH_KINDS.has(kind) ? "wider scope" : "extra";
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
 */
export function grantDrift(catalog: readonly Grant[], reading: SourceReading): Drift[] {
  const drift: Drift[] = [...(reading.drift ?? [])];
  if (!reading.grants) return drift;
  // describe() in consistency.ts starts with the grant kind: that word says which kind it is.
  const kindOf = (subject: string) => subject.split(" ")[0] as Grant["kind"];
  const scopes = reading.scopes;
  const compared = scopes ? catalog.filter((g) => scopes.includes(g.scope)) : catalog;
  for (const mismatch of compareGrants(compared, reading.grants)) {
    drift.push({
      change: changeOf(mismatch, kindOf(mismatch.grant)),
      subject: mismatch.grant,
      ...(mismatch.detail ? { detail: inVerifyWords(mismatch.detail) } : {}),
      ...(mismatch.artifact ? { where: mismatch.artifact } : {}),
    });
  }
  return drift;
}
