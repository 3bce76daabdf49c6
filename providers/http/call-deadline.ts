/**
 * One call's deadline: its own timer, held by the call until it settles, and the signal that
 * timer aborts. Not `AbortSignal.any([AbortSignal.timeout(ms), …])`: on Node 20 the composite
 * signal holds its sources weakly, so a garbage collection can take the timeout signal and the
 * call then ends only at an outer deadline, or never (FACTS, Node; reproduced here with
 * `node --expose-gc` against a server that drips its body). A timer in Node's timer list and
 * the controller its callback closes over cannot be collected before they fire.
 */
export class CallDeadline {
  readonly signal: AbortSignal;
  private readonly controller = new AbortController();
  private readonly timer: NodeJS.Timeout;
  private readonly parent?: AbortSignal;
  private expired = false;

  /**
   * Starts the timer at once. `parent` (a run's or a source's deadline) aborts the call too,
   * with its own reason. The timer does not keep the process alive: the call's socket does.
   */
  constructor(
    readonly ms: number,
    parent?: AbortSignal | null,
  ) {
    this.signal = this.controller.signal;
    this.timer = setTimeout(() => {
      this.expired = true;
      // Named as AbortSignal.timeout names its reason, so callers that tell a timeout by name still do.
      this.controller.abort(new DOMException(`no answer within ${ms} ms`, "TimeoutError"));
    }, ms);
    this.timer.unref();
    if (parent?.aborted) this.controller.abort(parent.reason);
    else if (parent) {
      this.parent = parent;
      parent.addEventListener("abort", this.onParentAbort, { once: true });
    }
  }

  /** True when this call's own time ran out (not the parent's). */
  get timedOut(): boolean {
    return this.expired;
  }

  /** Ends it now, before its time, with `reason` (an interrupted run): as if it had passed, but not a timeout. */
  end(reason: unknown): void {
    clearTimeout(this.timer);
    this.controller.abort(reason);
  }

  /** Stops the timer and lets go of the parent; call it once the call has settled, body read included. */
  clear(): void {
    clearTimeout(this.timer);
    this.parent?.removeEventListener("abort", this.onParentAbort);
  }

  private readonly onParentAbort = () => this.controller.abort(this.parent?.reason);
}

/** Runs `call` with a {@link CallDeadline} of `ms` under `parent`, cleared when it settles. */
export async function withCallDeadline<T>(
  ms: number,
  parent: AbortSignal | null | undefined,
  call: (signal: AbortSignal, deadline: CallDeadline) => Promise<T>,
): Promise<T> {
  const deadline = new CallDeadline(ms, parent);
  try {
    return await call(deadline.signal, deadline);
  } finally {
    deadline.clear();
  }
}
