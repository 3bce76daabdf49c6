import type { ReviewEdge } from "../plan/edges";

/**
 * What `diff` reports to a reviewer beyond the grant lines: each escalation (why the change needs
 * an explicit approval, and where in both configs the judged value lives) and the edges of the
 * picture that appear or disappear. The sticky comment, annotations and SARIF output read these.
 *
 * `PlanDiff` (review/diff.ts) carries them: `escalations: Escalation[]` (non-empty: exit 3),
 * `edges: EdgeChange[]`, and `failure?` when a side could not be planned. `escalationLine` gives
 * the one-line text `diff` printed before escalations carried locations.
 */

/** Where a judged value lives in one side's config: the file, its line when known, and the field path. */
export interface ConfigLocation {
  /** The config file as the command was given it (or `<ref>:<file>` for a git ref's version). */
  readonly file: string;
  /** 1-based line of the field (config/locate.ts); absent when only a plan file was given for that side. */
  readonly line?: number;
  /** The field path, dotted: `tenants[0].connectors[2].clientSecret`, `tenants[0].insights.url`. */
  readonly path: string;
}

/** One reason a change needs a reviewer's explicit approval: `diff` exits 3 when there is one. */
export interface Escalation {
  /** A stable id of the rule that tripped (review/rules/): `secret-destination-host`, `trust-principal-added`. */
  readonly rule: string;
  /** One printable line (no control characters) naming what changed; never a secret value. */
  readonly message: string;
  readonly tenant: string;
  /** The connector's identity (its stack name, plan/identity.ts); absent for tenant-level rules. */
  readonly connector?: string;
  /** Where the judged value lives in the base's config; absent when the base has none (a new connector). */
  readonly base?: ConfigLocation;
  /** Where the judged value lives in the head's config; absent when the head has none (a removed boundary). */
  readonly head?: ConfigLocation;
}

/** Today's one-line form of an escalation (what `diff` printed before escalations had locations). */
export function escalationLine(escalation: Escalation): string {
  return escalation.message;
}

export type { ReviewEdge };

/** An edge that the head adds or the base had and the head drops (plan/edges.ts defines the edges of a plan). */
export interface EdgeChange {
  /** `added`: in the head's picture, not the base's; `removed`: the other way round. */
  readonly change: "added" | "removed";
  readonly edge: ReviewEdge;
}
