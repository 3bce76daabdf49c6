/** Exit codes every command shares (docs/cli.md, "Exit codes"). */
export const EXIT = {
  ok: 0,
  /** A run failed part-way (a connector could not be registered, an engine failed). */
  failed: 1,
  /** Bad command line or bad config: nothing was changed or contacted. */
  usage: 2,
  /** A review gate tripped: permission drift or escalation. A result, not an error. */
  gate: 3,
  /** `verify`: nothing drifted, nothing failed, but some connectors have no reader yet, so were not checked. */
  incomplete: 4,
} as const;
