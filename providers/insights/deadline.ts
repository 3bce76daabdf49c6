import { CallDeadline } from "../http/call-deadline";

/** One deadline for a whole run (`--timeout`): every call and wait in it ends when it passes. */
export class Deadline {
  private readonly timer: CallDeadline;
  private readonly at: number;

  constructor(readonly ms: number) {
    // Never cleared: the run ends with the process, and the timer does not keep it alive.
    this.timer = new CallDeadline(ms);
    this.at = Date.now() + ms;
  }

  get signal(): AbortSignal {
    return this.timer.signal;
  }

  remainingMs(): number {
    return this.timer.signal.aborted ? 0 : Math.max(0, this.at - Date.now());
  }

  /**
   * Ends the run now (SIGINT, SIGTERM): every call, wait and engine under it stops as at the
   * deadline, and `signal.reason` is `reason` (the signal's name), not a timeout.
   */
  end(reason: string): void {
    this.timer.end(reason);
  }

  get seconds(): number {
    return Math.round(this.ms / 1000);
  }
}
