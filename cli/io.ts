/** Where a command writes; injected so tests run commands in-process. */
export interface Io {
  readonly stdout: { write(text: string): unknown; isTTY?: boolean; columns?: number };
  /** Progress and errors; whether it is a terminal is asked of it, never of stdout. */
  readonly stderr: { write(text: string): unknown; isTTY?: boolean; columns?: number };
}

export const processIo: Io = { stdout: process.stdout, stderr: process.stderr };

// Written once in values/ (the errors' categories map to them); commands import them from here.
export { EXIT } from "../values/exit-codes";
export { UsageError } from "../values/errors";
