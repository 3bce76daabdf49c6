import { resolve } from "node:path";
import type { Deadline } from "../providers/insights/deadline";
import { printable } from "../providers/text/printable";
import { RunInterrupts } from "./interrupts";
import type { Io } from "./io";

/** Where an interrupted run stopped, as `up` and `down` report it. */
export interface StoppedIn {
  readonly connector?: string;
  readonly step?: string;
  readonly reason: string;
}

/** What a lifecycle run tells its command once it is over. */
export interface Interruptible<R> {
  /** Undefined when the run was interrupted before it had a report (a dry run's previews). */
  readonly report?: R;
  /** The run stopped because of SIGINT/SIGTERM (exit 130), not its deadline or a failure. */
  readonly signalled: boolean;
}

/**
 * Runs `up` or `down` with SIGINT/SIGTERM caught for its length (cli/interrupts.ts), says first
 * where an interrupted run of the tenant stopped, and afterwards records where this one stopped
 * (or forgets the old record once a run went through). A dry run records nothing.
 */
export async function interruptible<R>(
  io: Io,
  progress: { note(line: string): void; close(): void },
  options: {
    readonly stateDir: string;
    readonly tenant: string;
    readonly command: "up" | "down";
    readonly dryRun: boolean;
    /** The run's deadline: an interrupt ends it, so every call and wait under it stops. */
    readonly deadline: Deadline;
  },
  run: (stop: RunInterrupts) => Promise<{ report: R; stoppedIn?: StoppedIn }>,
): Promise<Interruptible<R>> {
  const { command, dryRun, deadline } = options;
  const stateDir = resolve(options.stateDir);
  const { readInterruptedRun, recordInterruptedRun, clearInterruptedRun, resumingLine } =
    await import("../lifecycle/interrupted-run");
  if (!dryRun) {
    const last = readInterruptedRun(stateDir, options.tenant);
    if (last) progress.note(printable(resumingLine(last)));
  }
  const stop = new RunInterrupts(
    (line) => progress.note(line),
    (name) => deadline.end(name),
  );
  try {
    const { report, stoppedIn } = await run(stop);
    if (!dryRun && stoppedIn) {
      const { connector, step, reason } = stoppedIn;
      const at = new Date().toISOString();
      recordInterruptedRun(stateDir, options.tenant, { command, at, reason, connector, step });
      io.stderr.write(`${command} was interrupted (${printable(reason)}): run ${command} again to resume\n`);
    } else if (!dryRun) clearInterruptedRun(stateDir, options.tenant);
    return { report, signalled: Boolean(stop.received && stoppedIn) };
  } catch (error) {
    // A dry run's previews stop where they are: nothing was changed, so there is nothing to record.
    if (!stop.received) throw error;
    io.stderr.write(`${command} was interrupted (${stop.received}) before it had a report\n`);
    return { signalled: true };
  } finally {
    stop.dispose();
    progress.close();
  }
}
