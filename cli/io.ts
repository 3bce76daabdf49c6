/** Where a command writes; injected so tests run commands in-process. */
export interface Io {
  readonly stdout: { write(text: string): unknown; isTTY?: boolean; columns?: number };
  readonly stderr: { write(text: string): unknown };
}

export const processIo: Io = { stdout: process.stdout, stderr: process.stderr };

/** Exit codes every command shares. */
export const EXIT = {
  ok: 0,
  /** A run failed part-way (a connector could not be registered, an engine failed). */
  failed: 1,
  /** Bad command line or bad config: nothing was changed or contacted. */
  usage: 2,
  /** A review gate tripped: permission drift or escalation. */
  gate: 3,
  /** `verify`: nothing drifted, nothing failed, but some connectors have no reader yet, so were not checked. */
  incomplete: 4,
} as const;

/** A command-line mistake the user can fix; exits with {@link EXIT.usage}. */
export class UsageError extends Error {}
