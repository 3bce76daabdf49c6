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
  /**
   * `up`/`down` stopped by SIGINT or SIGTERM after the running engine stopped cleanly; the step is
   * recorded and the next run resumes. 128 + SIGINT's 2, as a shell reports a process a Ctrl-C ended.
   */
  interrupted: 130,
} as const;
