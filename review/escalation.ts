import type { ReviewEdge } from "../plan/edges";

/**
 * What `diff` reports to a reviewer beyond the grant lines: each escalation (why the change needs
 * an explicit approval, and where in both configs the judged value lives) and the edges of the
 * picture that appear or disappear. The sticky comment, annotations and SARIF output read these.
 *
 * `PlanDiff` (review/diff.ts) carries them: `escalations: Escalation[]` (non-empty: exit 3),
 * `edges: EdgeChange[]`, and `failure?` when a side could not be planned.
 */

/** Where a judged value lives in one side's config: the file, its line when known, and the field path. */
export interface ConfigLocation {
  /**
   * The config file as the command was given it (`<ref>:<file>` for a git ref's version), or the
   * plan file when that side was given as one (then there is no line).
   */
  readonly file: string;
  /** 1-based line of the field (config/field-lines.ts); a field the config lacks: its nearest parent's. */
  readonly line?: number;
  /** The field path, dotted: `tenants[0].connectors[2].clientSecret`, `tenants[0].insights.url`. */
  readonly path: string;
}

/** One reason a change needs a reviewer's explicit approval: `diff` exits 3 when there is one. */
export interface Escalation {
  /** A stable id of the rule that tripped (review/rules/index.ts, RULE_IDS): `secret-destination-host`. */
  readonly rule: string;
  /** One printable line (no control characters) naming what changed; never a secret value. */
  readonly message: string;
  readonly tenant: string;
  /** The connector's identity (its stack name, plan/identity.ts); absent for tenant-level rules. */
  readonly connector?: string;
  /** Where the judged value lives in the base's config; absent when the base has none (a new connector). */
  readonly base?: ConfigLocation;
  /** Where the judged value lives in the head's config; absent when the head has no such connector. */
  readonly head?: ConfigLocation;
}

export type { ReviewEdge };

/** An edge that the head adds or the base had and the head drops (plan/edges.ts defines the edges of a plan). */
export interface EdgeChange {
  /** `added`: in the head's picture, not the base's; `removed`: the other way round. */
  readonly change: "added" | "removed";
  readonly edge: ReviewEdge;
}
