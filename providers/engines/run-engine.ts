import { spawn } from "node:child_process";
import { stripVTControlCharacters } from "node:util";
import { EngineMissingError } from "./engine-cli";
import { ExternalError } from "../../values/errors";
import { withOwnerOnlyUmask } from "./owner-only-umask";
import { checkTlsVerificationFor } from "../http/secure-endpoint";

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
  readonly signal?: AbortSignal;
  /** How messages name the run, e.g. `cdk deploy`. @default the command and its first argument */
  readonly label?: string;
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
 * Runs one engine command (`cdk`, `terraform`, …) with a deadline and bounded, masked output.
 * Resolves with the output when it exits 0; rejects with {@link EngineMissingError} when the
 * command is not installed, and with {@link EngineRunError} quoting the engine otherwise.
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
  } catch (error) {
    return Promise.reject(error);
  }
  return new Promise((resolve, reject) => {
    const child = withOwnerOnlyUmask(() =>
      spawn(command, [...args], {
        cwd: options.cwd,
        env: options.env,
        stdio: ["ignore", "pipe", "pipe"],
        signal: options.signal,
      }),
    );
    const stdout = new Tail(limit);
    const stderr = new Tail(limit);
    const forward = (line: string) => options.onOutput?.(mask(line));
    const splitters = [lineSplitter(options.secretStdout ? () => {} : forward), lineSplitter(forward)];
    child.stdout.on("data", (chunk: Buffer) => (stdout.push(chunk), splitters[0].push(chunk)));
    child.stderr.on("data", (chunk: Buffer) => (stderr.push(chunk), splitters[1].push(chunk)));
    let timedOut = false;
    // Our own timer rather than spawn's `timeout`, whose timer outlives a command that never started.
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill("SIGTERM");
    }, timeoutMs);
    timer.unref();
    child.on("error", (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      if (error.code === "ENOENT") {
        reject(
          new EngineMissingError(
            `the ${command} CLI is not installed or not on PATH; ${options.install}. Nothing was changed.`,
          ),
        );
      } else if (error.name === "AbortError") {
        reject(new EngineRunError(`${name} was cancelled`, mask(stderr.text())));
      } else reject(new EngineRunError(`${name} could not run: ${mask(error.message)}`, ""));
    });
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      splitters.forEach((s) => s.end());
      const err = mask(stderr.text());
      const out = mask(stdout.text());
      if (code === 0) return resolve({ stdout: stdout.text(), stderr: err });
      if (options.signal?.aborted) return; // the "error" event has rejected already
      const why = timedOut
        ? `was stopped after its deadline of ${timeoutMs / 1000} s`
        : signal
          ? `was killed by ${signal}`
          : `exited ${code}`;
      // A secret stdout (`terraform output -json`) is never quoted, not even when stderr is empty.
      reject(new EngineRunError(`${name} ${why}: ${engineMessage(err, options.secretStdout ? "" : out)}`, err));
    });
  });
}
