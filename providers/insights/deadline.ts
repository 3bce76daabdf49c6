/** One deadline for a whole run (`--timeout`): every call and wait in it ends when it passes. */
export class Deadline {
  readonly signal: AbortSignal;
  private readonly at: number;

  constructor(readonly ms: number) {
    // AbortSignal.timeout's timer does not keep the process alive.
    this.signal = AbortSignal.timeout(ms);
    this.at = Date.now() + ms;
  }

  remainingMs(): number {
    return Math.max(0, this.at - Date.now());
  }

  get seconds(): number {
    return Math.round(this.ms / 1000);
  }
}
