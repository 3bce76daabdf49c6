import { DEFAULT_STOP_GRACE_MS } from "../providers/engines/engine-stop";

/** What a run is told when the user or CI interrupts it: the signal's name, as the report records it. */
export type InterruptSignal = "SIGINT" | "SIGTERM";

/**
 * SIGINT and SIGTERM for the length of one `up` or `down`, instead of Node's default (exit at
 * once, leaving an engine mid-apply with its lock and its state unsaved). The first ends the
 * run's deadline (`onInterrupt`): the running engine is sent one SIGINT and given time to stop
 * cleanly, the run records the step it stopped in, and the command exits 130. A second aborts {@link insist}:
 * the engine is told again (Terraform: "Two interrupts received. Exiting immediately.").
 * A terminal's Ctrl-C reaches only this process: each engine leads its own process group.
 */
export class RunInterrupts {
  /** The first interrupt's signal name; undefined while the run goes on. */
  received?: InterruptSignal;
  private readonly second = new AbortController();
  private readonly listeners: [InterruptSignal, () => void][];

  constructor(
    private readonly note: (line: string) => void,
    /** Told of the first interrupt: the run's deadline ends there, so every wait under it stops too. */
    private readonly onInterrupt: (name: InterruptSignal) => void = () => {},
  ) {
    this.listeners = (["SIGINT", "SIGTERM"] as const).map((name) => [name, () => this.interrupt(name)]);
    for (const [name, listener] of this.listeners) process.on(name, listener);
  }

  /** Aborted by a second interrupt. */
  get insist(): AbortSignal {
    return this.second.signal;
  }

  /** Puts Node's defaults back: called when the run is over. */
  dispose(): void {
    for (const [name, listener] of this.listeners) process.off(name, listener);
  }

  private interrupt(name: InterruptSignal): void {
    if (!this.received) {
      this.received = name;
      this.note(
        `${name} received: stopping cleanly (a running engine gets up to ${DEFAULT_STOP_GRACE_MS / 1000} s to ` +
          "save its state and release its lock); send it again to stop at once",
      );
      this.onInterrupt(name);
      return;
    }
    this.note(`${name} received again: telling the running engine to stop at once`);
    this.second.abort(name);
  }
}
