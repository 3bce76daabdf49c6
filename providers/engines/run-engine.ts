import { spawn } from "node:child_process";
import { stripVTControlCharacters } from "node:util";
import { EngineMissingError } from "./engine-cli";
import { ExternalError } from "../../values/errors";
import { withOwnerOnlyUmask } from "./owner-only-umask";
import { checkTlsVerificationFor } from "../http/secure-endpoint";
import { EngineInterruptedError, EngineStopper } from "./engine-stop";

/** How one engine CLI run is bounded and reported. */
export interface EngineRunOptions {
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
  /** What to install when the command is not on PATH (the {@link EngineMissingError} message). */
  readonly install: string;
  /** The run is killed after this long. Deploys of real stacks take minutes. @default 30 min */
  readonly timeoutMs?: number;
  /** Most bytes kept of each stream; an engine's chatter beyond it is dropped from the head. @default 1 MiB */
  readonly maxOutputBytes?: number;
  /** Each line the engine prints (stdout and stderr), control characters stripped, secrets masked. */
  readonly onOutput?: (line: string) => void;
  /** Stdout holds secret values (`terraform output -json`): it is returned, never handed to `onOutput`. */
  readonly secretStdout?: boolean;
  /** Values that must never appear in a line handed on or in an error (resolved parameters). */
  readonly secrets?: readonly string[];
  /**
   * Asks the engine to stop: it gets one SIGINT and {@link graceMs} to stop cleanly, then its
   * process group is killed; the run rejects with {@link EngineInterruptedError} once it has exited.
   */
  readonly signal?: AbortSignal;
  /** A second interrupt: the engine gets a second SIGINT (Terraform then exits at once) and at most 10 s. */
  readonly insist?: AbortSignal;
  /** How long a stopped engine may take to exit on its own. @default 60 s */
  readonly graceMs?: number;
  /** How messages name the run, e.g. `cdk deploy`. @default the command and its first argument */
  readonly label?: string;
  /**
   * The engine's reason for a failure when it does not print it plainly (`terraform plan -json`
   * writes its errors as JSON on stdout); undefined falls back to {@link engineMessage}.
   */
  readonly failure?: (stdout: string, stderr: string) => string | undefined;
}

export interface EngineRunResult {
  readonly stdout: string;
  readonly stderr: string;
}

/** The engine ran and failed (or ran out of time); the message is the engine's own last words. */
export class EngineRunError extends ExternalError {
  constructor(
    message: string,
    /** The engine's stderr (bounded, masked), for callers that extract their own message. */
    readonly stderr: string,
  ) {
    super(message);
  }
}

export const DEFAULT_ENGINE_TIMEOUT_MS = 30 * 60_000;
const DEFAULT_MAX_OUTPUT_BYTES = 1024 * 1024;
/** Lines of stderr an error message quotes: enough for Terraform's `Error:` block or a CDK stack failure. */
const ERROR_LINES = 12;

/** A bounded buffer that keeps the last `limit` bytes of a stream. */
class Tail {
  private chunks: Buffer[] = [];
  private size = 0;
  truncated = false;
  constructor(private readonly limit: number) {}
  push(chunk: Buffer): void {
    this.chunks.push(chunk);
    this.size += chunk.length;
    while (this.size > this.limit && this.chunks.length > 1) {
      this.size -= this.chunks.shift()!.length;
      this.truncated = true;
    }
  }
  text(): string {
    const all = Buffer.concat(this.chunks);
    if (all.length > this.limit) this.truncated = true;
    return all.subarray(Math.max(0, all.length - this.limit)).toString("utf8");
  }
}

/** Strips escape codes and replaces every secret with `***`. */
export function maskLine(text: string, secrets: readonly string[] = []): string {
  let clean = stripVTControlCharacters(text).replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, "");
  for (const secret of secrets) if (secret) clean = clean.split(secret).join("***");
  return clean;
}

/** Calls `onLine` per complete line of a stream; the rest waits for the next chunk or the end. */
export function lineSplitter(onLine: (line: string) => void): { push(chunk: Buffer | string): void; end(): void } {
  let pending = "";
  return {
    push(chunk) {
      const lines = (pending + chunk.toString("utf8")).split(/\r?\n/);
      pending = lines.pop() ?? "";
      lines.forEach(onLine);
    },
    end() {
      if (pending) onLine(pending);
      pending = "";
    },
  };
}

/** Lines that are never the reason: Node's warnings, CDK's timing lines. */
const NOISE = /^\(node:\d+\) \w*Warning|^\(Use `node --trace-warnings|^✨/;

/**
 * What the engine said went wrong, as one line: from its first `Error:` line on (Terraform
 * and Pulumi print one, boxed in `│`; CDK marks a failed stack `❌`), else the last lines of
 * stderr (else of stdout).
 */
export function engineMessage(stderr: string, stdout = ""): string {
  const lines = (stderr.trim() ? stderr : stdout)
    .split("\n")
    .map((l) => l.replace(/^[\s│╷╵]+/, "").trim())
    .filter((l) => l && !NOISE.test(l));
  const start = lines.findIndex((l) => /^(Error|error):|^❌/.test(l));
  const chosen = start >= 0 ? lines.slice(start, start + ERROR_LINES) : lines.slice(-ERROR_LINES);
  return chosen.join(" ").replace(/\s+/g, " ") || "no message";
}

/**
 * Runs one engine command (`terraform`, the CDKTF app, …) with a deadline and bounded, masked
 * output. Resolves with the output when it exits 0; rejects with {@link EngineMissingError} when
 * the command is not installed, {@link EngineInterruptedError} when {@link EngineRunOptions.signal}
 * stopped it, and {@link EngineRunError} quoting the engine otherwise. It settles only once the
 * engine has exited, never earlier: a caller that moved on (or exited, closing the engine's
 * pipes) while Terraform was still writing its state could cost that state or leave its lock.
 * The engine leads its own process group, so a terminal's Ctrl-C reaches this process alone and
 * the engine is told exactly once (a second interrupt is Terraform's "exit immediately").
 * The arguments are never put in a message: they may hold resolved parameters.
 */
export function runEngine(
  command: string,
  args: readonly string[],
  options: EngineRunOptions,
): Promise<EngineRunResult> {
  const limit = options.maxOutputBytes ?? DEFAULT_MAX_OUTPUT_BYTES;
  const timeoutMs = options.timeoutMs ?? DEFAULT_ENGINE_TIMEOUT_MS;
  const name = options.label ?? `${command.split("/").pop()} ${args[0] ?? ""}`.trim();
  const mask = (text: string) => maskLine(text, options.secrets);
  // An engine CLI on Node (cdk) inherits the switch and would send cloud credentials unchecked.
  try {
    checkTlsVerificationFor(options.env, name);
    options.signal?.throwIfAborted();
  } catch (error) {
    return Promise.reject(
      options.signal?.aborted ? new EngineInterruptedError(`${name} did not start: the run was interrupted`) : error,
    );
  }
  return new Promise((resolve, reject) => {
    const child = withOwnerOnlyUmask(() =>
      spawn(command, [...args], {
        cwd: options.cwd,
        env: options.env,
        stdio: ["ignore", "pipe", "pipe"],
        // Its own process group (node docs, child_process `options.detached`): see above.
        detached: true,
      }),
    );
    const stopper = new EngineStopper(child, options.graceMs);
    const stdout = new Tail(limit);
    const stderr = new Tail(limit);
    const forward = (line: string) => options.onOutput?.(mask(line));
    const splitters = [lineSplitter(options.secretStdout ? () => {} : forward), lineSplitter(forward)];
    // Drained until the engine exits, through its grace period too: a full pipe would stall it.
    child.stdout.on("data", (chunk: Buffer) => (stdout.push(chunk), splitters[0].push(chunk)));
    child.stderr.on("data", (chunk: Buffer) => (stderr.push(chunk), splitters[1].push(chunk)));
    // Our own timer rather than spawn's `timeout`, whose timer outlives a command that never started.
    const timer = setTimeout(() => stopper.stop("deadline"), timeoutMs);
    timer.unref();
    const onStop = () => stopper.stop("interrupted");
    const onInsist = () => stopper.insist();
    options.signal?.addEventListener("abort", onStop, { once: true });
    options.insist?.addEventListener("abort", onInsist, { once: true });
    const done = () => {
      clearTimeout(timer);
      options.signal?.removeEventListener("abort", onStop);
      options.insist?.removeEventListener("abort", onInsist);
      stopper.exited();
    };
    child.on("error", (error: NodeJS.ErrnoException) => {
      done();
      if (error.code === "ENOENT") {
        reject(
          new EngineMissingError(
            `the ${command} CLI is not installed or not on PATH; ${options.install}. Nothing was changed.`,
          ),
        );
      } else reject(new EngineRunError(`${name} could not run: ${mask(error.message)}`, ""));
    });
    child.on("close", (code, signal) => {
      done();
      splitters.forEach((s) => s.end());
      const err = mask(stderr.text());
      const out = mask(stdout.text());
      if (stopper.reason === "interrupted") {
        const ended = code === null ? `was killed by ${signal}` : `stopped (exit ${code})`;
        return reject(new EngineInterruptedError(`${name} was interrupted and ${ended}`));
      }
      if (code === 0) return resolve({ stdout: stdout.text(), stderr: err });
      const why =
        stopper.reason === "deadline"
          ? `was stopped after its deadline of ${timeoutMs / 1000} s`
          : signal
            ? `was killed by ${signal}`
            : `exited ${code}`;
      // A secret stdout (`terraform output -json`) is never quoted, not even when stderr is empty.
      const reason = options.failure?.(out, err) || engineMessage(err, options.secretStdout ? "" : out);
      reject(new EngineRunError(`${name} ${why}: ${reason}`, err));
    });
  });
}
