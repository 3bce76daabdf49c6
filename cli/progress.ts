/**
 * Progress on waits, for every command that waits on something it does not control
 * (retries, connectivity checks, installations). On a terminal: one status line, rewritten
 * in place. Anywhere else (CI, a pipe): plain timestamped lines, never escape codes.
 * A wait is reported once it has lasted `thresholdMs`; shorter ones stay silent.
 * (log-update, the usual library for the status line, ships as an ES module only; this CLI is CommonJS.)
 */
export interface ProgressOptions {
  /** Rewrite one status line (a terminal) instead of printing timestamped lines. */
  readonly live: boolean;
  /** @default Date.now */
  readonly now?: () => number;
  /** @default 2000 ms */
  readonly thresholdMs?: number;
  /** Lines mode: how often a wait that goes on is reported again. @default 15 s */
  readonly repeatMs?: number;
  /** Redraw/report interval; 0 leaves ticking to the caller (tests). @default 1000 ms */
  readonly tickMs?: number;
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

export class Progress {
  private readonly waits = new Set<OpenWait>();
  private readonly now: () => number;
  private readonly thresholdMs: number;
  private readonly repeatMs: number;
  private readonly timer?: NodeJS.Timeout;
  private statusText = "";
  private shown = false;

  constructor(
    private readonly out: { write(text: string): unknown },
    private readonly options: ProgressOptions,
  ) {
    this.now = options.now ?? Date.now;
    this.thresholdMs = options.thresholdMs ?? 2000;
    this.repeatMs = options.repeatMs ?? 15_000;
    const tickMs = options.tickMs ?? 1000;
    if (tickMs > 0) this.timer = setInterval(() => this.tick(), tickMs).unref();
  }

  /** An event worth its own line (a retry, a capped wait). */
  note(message: string): void {
    this.clearLine();
    this.out.write(this.options.live ? `${message}\n` : `${this.stamp()} ${message}\n`);
    this.redraw();
  }

  /** A terminal-only summary (e.g. "3 connector(s) done"); lines mode prints nothing for it. */
  status(text: string): void {
    this.statusText = text;
    this.redraw();
  }

  wait(label: string): Wait {
    const wait: OpenWait = { label, detail: "", started: this.now() };
    this.waits.add(wait);
    return {
      update: (detail) => void (wait.detail = detail),
      end: (outcome) => {
        this.waits.delete(wait);
        if (wait.reportedAt !== undefined && !this.options.live) {
          this.out.write(
            `${this.stamp()} ${label}: ${outcome ?? "done"} after ${seconds(this.now() - wait.started)}\n`,
          );
        }
        this.redraw();
      },
    };
  }

  /** Reports the waits that have gone on long enough; called every tickMs. */
  tick(): void {
    const now = this.now();
    if (this.options.live) return this.redraw();
    for (const wait of this.waits) {
      const due =
        wait.reportedAt === undefined ? now - wait.started >= this.thresholdMs : now - wait.reportedAt >= this.repeatMs;
      if (!due) continue;
      wait.reportedAt = now;
      this.out.write(
        `${this.stamp()} waiting ${seconds(now - wait.started)} for ${wait.label}${
          wait.detail ? `: ${wait.detail}` : ""
        }\n`,
      );
    }
  }

  /** Leaves the terminal on a clean line. */
  close(): void {
    if (this.timer) clearInterval(this.timer);
    this.clearLine();
  }

  private redraw(): void {
    if (!this.options.live) return;
    const now = this.now();
    const long = [...this.waits].filter((w) => now - w.started >= this.thresholdMs);
    const oldest = long[0];
    const waiting = oldest
      ? `waiting ${seconds(now - oldest.started)} for ${oldest.label}${oldest.detail ? `: ${oldest.detail}` : ""}${
          long.length > 1 ? ` (+${long.length - 1} more)` : ""
        }`
      : "";
    const line = [this.statusText, waiting].filter(Boolean).join("; ");
    if (!line && !this.shown) return;
    this.out.write(`\r\u001b[K${line}`);
    this.shown = line.length > 0;
  }

  private clearLine(): void {
    if (this.options.live && this.shown) this.out.write("\r\u001b[K");
    this.shown = false;
  }

  private stamp(): string {
    return new Date(this.now()).toISOString().replace(/\.\d{3}Z$/, "Z");
  }
}
