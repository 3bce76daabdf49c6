import type { ChildProcess } from "node:child_process";
import { ExternalError } from "../../values/errors";

/** How long an interrupted engine gets to stop on its own (persist state, release its lock). @default */
export const DEFAULT_STOP_GRACE_MS = 60_000;
/** After a second interrupt: Terraform then exits within 5 s on its own (see {@link EngineStopper}). */
export const INSISTED_GRACE_MS = 10_000;

/** The run was interrupted (SIGINT/SIGTERM, or a second one): the engine was asked to stop and has exited. */
export class EngineInterruptedError extends ExternalError {}

/** Why an engine is being stopped: the user or CI interrupted the run, or its deadline passed. */
export type StopReason = "interrupted" | "deadline";

/**
 * Stops an engine that leads its own process group (spawned `detached`), the way its own CLI
 * expects to be stopped from a terminal: exactly one SIGINT first, so it can finish the
 * resource it is writing, persist its state and release its lock; a second SIGINT only when
 * the user insists; and its whole process group killed when the grace period runs out, or
 * once it has exited, so nothing it started (a provisioner's shell) outlives the run.
 *
 * Terraform treats SIGINT and SIGTERM alike: the first stops the operation gracefully ("Interrupt
 * received. Please wait for Terraform to exit or data loss may occur."), a second one cancels it
 * and Terraform exits within 5 s ("Two interrupts received. Exiting immediately.") —
 * hashicorp/terraform @ 883c7221ee2e0bc2fad6912fd4b3cc4b53a598a7, commands.go `makeShutdownCh`
 * and internal/command/meta.go `RunOperation`. The Pulumi CLI cancels gracefully on SIGINT too:
 * @pulumi/pulumi 3.270.0 automation/cmd.js sends it one `SIGINT` on abort.
 */
export class EngineStopper {
  /** Set once the engine was asked to stop; the caller rejects with it when the engine has exited. */
  reason?: StopReason;
  private killTimer?: NodeJS.Timeout;
  private deadlineAt = 0;

  constructor(
    private readonly child: ChildProcess,
    private readonly graceMs: number = DEFAULT_STOP_GRACE_MS,
  ) {}

  /** Asks the engine to stop (one SIGINT) and starts the grace period; later calls do nothing. */
  stop(reason: StopReason): void {
    if (this.reason) return;
    this.reason = reason;
    this.signalEngine();
    this.killAfter(this.graceMs);
  }

  /** A second interrupt: the engine is told again, as a user pressing Ctrl-C twice would, and gets less time. */
  insist(): void {
    if (!this.reason) return this.stop("interrupted");
    this.signalEngine();
    this.killAfter(Math.min(INSISTED_GRACE_MS, Math.max(0, this.deadlineAt - Date.now())));
  }

  /** The engine exited: no more timers; what it left in its group (only after a stop) is killed. */
  exited(): void {
    clearTimeout(this.killTimer);
    if (this.reason) this.killGroup();
  }

  private signalEngine(): void {
    // Only the engine itself: Terraform passes the stop on to its provider plugins over RPC.
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill("SIGINT");
  }

  private killAfter(ms: number): void {
    clearTimeout(this.killTimer);
    this.deadlineAt = Date.now() + ms;
    this.killTimer = setTimeout(() => this.killGroup(), ms);
  }

  /** SIGKILL to the engine's process group (its id is the engine's pid); an empty group is no error. */
  private killGroup(): void {
    if (this.child.pid === undefined) return;
    try {
      process.kill(-this.child.pid, "SIGKILL");
    } catch {
      // ESRCH: every process of the group has exited already.
    }
  }
}
