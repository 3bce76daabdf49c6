import type { RetryEvent } from "../providers/insights/retry";
import { printable } from "../providers/text/printable";
import { truncateToWidth } from "../providers/text/wrap";
import type { Io } from "./io";

/**
 * What a long-running command tells the person running it, on the stream it writes to
 * (stderr): the one progress reporter of the CLI. On a terminal: one status line, rewritten in
 * place. Anywhere else (CI, a pipe, a log file) and on `TERM=dumb`: plain lines with a UTC
 * timestamp, never an escape code, so a log shows when each wait began and how long it took.
 * Whether the stream is a terminal is asked of that stream, not of stdout: with stdout on a
 * terminal and stderr in a file, the file gets lines. Every message is stripped of control
 * characters (it may quote a server). A wait is reported once it has lasted `thresholdMs`.
 * (log-update, the usual library for the status line, ships as an ES module only; this CLI is CommonJS.)
 */
export interface ProgressOptions {
  /** Rewrite one status line (a terminal) instead of printing timestamped lines. @default liveOn(out) */
  readonly live?: boolean;
  /** @default Date.now */
  readonly now?: () => number;
  /** @default 2000 ms */
  readonly thresholdMs?: number;
  /** Lines mode: how often a wait that goes on is reported again. @default 15 s */
  readonly repeatMs?: number;
  /** Redraw/report interval; 0 leaves ticking to the caller (tests). @default 1000 ms */
  readonly tickMs?: number;
}

/** The stream progress is written to: stderr, or a fake of it. */
export interface ProgressStream {
  write(text: string): unknown;
  readonly isTTY?: boolean;
  readonly columns?: number;
}

/** Whether `stream` takes a status line rewritten in place: a terminal that is not `TERM=dumb`. */
export function liveOn(stream: ProgressStream, env: NodeJS.ProcessEnv = process.env): boolean {
  return Boolean(stream.isTTY) && env.TERM !== "dumb";
}

/** A wait in progress: its latest state, then its end. */
export interface Wait {
  update(detail: string): void;
  end(outcome?: string): void;
}

interface OpenWait {
  label: string;
  detail: string;
  started: number;
  reportedAt?: number;
}

const seconds = (ms: number) => `${Math.round(ms / 1000)} s`;
const CLEAR_LINE = "\r\u001b[K";

export class Progress {
  private readonly waits = new Set<OpenWait>();
  private readonly now: () => number;
  private readonly live: boolean;
  private readonly thresholdMs: number;
  private readonly repeatMs: number;
  private readonly timer?: NodeJS.Timeout;
  private statusText = "";
  private shown = false;

  constructor(
    private readonly out: ProgressStream,
    options: ProgressOptions = {},
  ) {
    this.now = options.now ?? Date.now;
    this.live = options.live ?? liveOn(out);
    this.thresholdMs = options.thresholdMs ?? 2000;
    this.repeatMs = options.repeatMs ?? 15_000;
    const tickMs = options.tickMs ?? 1000;
    if (tickMs > 0) this.timer = setInterval(() => this.tick(), tickMs).unref();
  }

  /** An instruction or a step done: its own line, as it is, in both modes. */
  say(line: string): void {
    this.above(`${printable(line)}\n`);
  }

  /** An event worth its own line (a retry, a capped wait); timestamped in a log. */
  note(message: string): void {
    this.above(this.live ? `${printable(message)}\n` : `${this.stamp()} ${printable(message)}\n`);
  }

  /** A terminal-only summary (e.g. "3 connector(s) done"); a log gets nothing for it. */
  status(text: string): void {
    this.statusText = printable(text);
    this.redraw();
  }

  /**
   * Where a wait that counts for itself stands ("waiting for the installation… 5 s of 900 s"):
   * the status line on a terminal, a timestamped line in a log.
   */
  update(message: string): void {
    if (this.live) this.status(message);
    else this.note(message);
  }

  wait(label: string): Wait {
    const wait: OpenWait = { label: printable(label), detail: "", started: this.now() };
    this.waits.add(wait);
    return {
      update: (detail) => void (wait.detail = printable(detail)),
      end: (outcome) => {
        this.waits.delete(wait);
        if (wait.reportedAt !== undefined && !this.live) {
          const took = seconds(this.now() - wait.started);
          this.out.write(`${this.stamp()} ${wait.label}: ${printable(outcome ?? "done")} after ${took}\n`);
        }
        this.redraw();
      },
    };
  }

  /** Reports the waits that have gone on long enough; called every tickMs. */
  tick(): void {
    const now = this.now();
    if (this.live) return this.redraw();
    for (const wait of this.waits) {
      const due =
        wait.reportedAt === undefined ? now - wait.started >= this.thresholdMs : now - wait.reportedAt >= this.repeatMs;
      if (!due) continue;
      wait.reportedAt = now;
      this.out.write(`${this.stamp()} ${waitingLine(wait, now)}\n`);
    }
  }

  /** Ends the status line, leaving the terminal on a clean line; a later line starts afresh. */
  close(): void {
    if (this.timer) clearInterval(this.timer);
    this.statusText = "";
    this.clearLine();
  }

  /** A line printed above the status line, which is then drawn again. */
  private above(text: string): void {
    this.clearLine();
    this.out.write(text);
    this.redraw();
  }

  private redraw(): void {
    if (!this.live) return;
    const now = this.now();
    const long = [...this.waits].filter((w) => now - w.started >= this.thresholdMs);
    const waiting = long[0]
      ? `${waitingLine(long[0], now)}${long.length > 1 ? ` (+${long.length - 1} more)` : ""}`
      : "";
    const line = [this.statusText, waiting].filter(Boolean).join("; ");
    if (!line && !this.shown) return;
    // A status line longer than the terminal would wrap, and `\r` returns only to the start of its last row.
    const columns = this.out.columns ?? 0;
    this.out.write(`${CLEAR_LINE}${columns > 1 ? truncateToWidth(line, columns - 1) : line}`);
    this.shown = line.length > 0;
  }

  private clearLine(): void {
    if (this.live && this.shown) this.out.write(CLEAR_LINE);
    this.shown = false;
  }

  private stamp(): string {
    return new Date(this.now()).toISOString().replace(/\.\d{3}Z$/, "Z");
  }
}

function waitingLine(wait: OpenWait, now: number): string {
  return `waiting ${seconds(now - wait.started)} for ${wait.label}${wait.detail ? `: ${wait.detail}` : ""}`;
}

/** The reporter of a command's progress, on its stderr (a terminal there, or not). */
export function progressOn(io: Io, options: Omit<ProgressOptions, "live"> = {}): Progress {
  return new Progress(io.stderr, options);
}

const ceilSeconds = (ms: number) => `${Math.ceil(ms / 1000)} s`;

/** "retrying GET /sites/…/connectors in 4 s: HTTP 503 unavailable", and when the server asked for longer, that too. */
export function retryLine(event: RetryEvent & { method: string; path: string }): string {
  const call = `${event.method} ${event.path}`;
  const reason = event.error.message.startsWith(`${call}: `)
    ? event.error.message.slice(call.length + 2)
    : event.error.message;
  const asked =
    event.serverAskedMs === undefined
      ? ""
      : ` (the server asked to wait ${ceilSeconds(event.serverAskedMs)}; waits are capped at ${ceilSeconds(event.waitMs)})`;
  return printable(`retrying ${call} in ${ceilSeconds(event.waitMs)}: ${reason}${asked}`);
}

/** Progress of an Insights command on stderr, and the retry events worth a line in it. */
export function insightsProgress(io: Io): {
  progress: Progress;
  onRetry: (event: RetryEvent & { method: string; path: string }) => void;
} {
  const progress = progressOn(io);
  return {
    progress,
    // Short backoffs are routine; a wait a user would notice (over 2 s) gets its line.
    onRetry: (event) =>
      event.waitMs >= 2000 || event.serverAskedMs !== undefined ? progress.note(retryLine(event)) : undefined,
  };
}
