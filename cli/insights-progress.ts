import type { RetryEvent } from "../providers/insights/retry";
import { printable } from "../providers/text/printable";
import type { Io } from "./io";
import { Progress } from "./progress";

const seconds = (ms: number) => `${Math.ceil(ms / 1000)} s`;

/** "retrying GET /sites/…/connectors in 4 s: HTTP 503 unavailable", and when the server asked for longer, that too. */
export function retryLine(event: RetryEvent & { method: string; path: string }): string {
  const call = `${event.method} ${event.path}`;
  const reason = event.error.message.startsWith(`${call}: `)
    ? event.error.message.slice(call.length + 2)
    : event.error.message;
  const asked =
    event.serverAskedMs === undefined
      ? ""
      : ` (the server asked to wait ${seconds(event.serverAskedMs)}; waits are capped at ${seconds(event.waitMs)})`;
  return printable(`retrying ${call} in ${seconds(event.waitMs)}: ${reason}${asked}`);
}

/** Progress of an Insights command on stderr: a status line on a terminal, timestamped lines in CI. */
export function insightsProgress(io: Io): {
  progress: Progress;
  onRetry: (event: RetryEvent & { method: string; path: string }) => void;
} {
  const progress = new Progress(io.stderr, { live: Boolean(io.stdout.isTTY) });
  return {
    progress,
    // Short backoffs are routine; a wait a user would notice (over 2 s) gets its line.
    onRetry: (event) =>
      event.waitMs >= 2000 || event.serverAskedMs !== undefined ? progress.note(retryLine(event)) : undefined,
  };
}
