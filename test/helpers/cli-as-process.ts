import { readFileSync } from "node:fs";
import { format } from "node:util";
import { run } from "../../cli/program";
import type { CliResult } from "./cli";

/** What a run printed outside the CLI's own streams, and where a child process would have shown it. */
interface Stray {
  stdout: string;
  stderr: string;
}

let queue: Promise<unknown> = Promise.resolve();

/**
 * Runs the CLI in this process as {@link spawnCliAsync} runs it in a child, for the tests that
 * run it dozens of times (a vendor SDK costs a second of loading in every child):
 * - `process.env` is `env` for the length of the run, as a child's environment would be;
 * - stdout and stderr are pipes: no terminal, no width;
 * - a `NODE_EXTRA_CA_CERTS` in `env` is trusted for the run, as Node trusts it in a child it starts;
 * - whatever else prints while it runs (a vendor SDK's console, a direct write to
 *   process.stdout or process.stderr, a process warning) joins the output where a child would
 *   have shown it, so a check that a secret is never printed misses nothing a process shows.
 * Runs are queued: there is one process.env, and one console.
 */
export function runCliAsProcess(argv: readonly string[], env: NodeJS.ProcessEnv): Promise<CliResult> {
  const next = queue.then(() => runIsolated(argv, env));
  queue = next.catch(() => undefined);
  return next;
}

async function runIsolated(argv: readonly string[], env: NodeJS.ProcessEnv): Promise<CliResult> {
  const stray: Stray = { stdout: "", stderr: "" };
  const restore = catchStrayOutput(stray);
  const distrust = trustExtraCertificates(env.NODE_EXTRA_CA_CERTS);
  const savedEnv = process.env;
  process.env = { ...env };
  let stdout = "";
  let stderr = "";
  try {
    const code = await run(argv, {
      stdout: { write: (text: string) => (stdout += text) },
      stderr: { write: (text: string) => (stderr += text) },
    });
    return { code, stdout: stdout + stray.stdout, stderr: stderr + stray.stderr };
  } finally {
    process.env = savedEnv;
    distrust();
    restore();
  }
}

/** Points the console, process.stdout/stderr and process warnings at `stray`; returns what undoes it. */
function catchStrayOutput(stray: Stray): () => void {
  const spies = [
    ...(["log", "info", "debug"] as const).map((method) =>
      jest.spyOn(console, method).mockImplementation((...args) => void (stray.stdout += `${format(...args)}\n`)),
    ),
    ...(["warn", "error", "trace"] as const).map((method) =>
      jest.spyOn(console, method).mockImplementation((...args) => void (stray.stderr += `${format(...args)}\n`)),
    ),
    jest.spyOn(process.stdout, "write").mockImplementation((chunk) => ((stray.stdout += String(chunk)), true)),
    jest.spyOn(process.stderr, "write").mockImplementation((chunk) => ((stray.stderr += String(chunk)), true)),
    jest.spyOn(process, "emitWarning").mockImplementation((warning) => {
      stray.stderr += `Warning: ${warning instanceof Error ? warning.message : String(warning)}\n`;
    }),
  ];
  return () => spies.forEach((spy) => spy.mockRestore());
}

/**
 * Adds the certificates of `file` to the ones TLS clients trust by default (Node reads
 * NODE_EXTRA_CA_CERTS only when a process starts); returns what puts the old list back.
 */
function trustExtraCertificates(file: string | undefined): () => void {
  if (!file || file === process.env.NODE_EXTRA_CA_CERTS) return () => undefined;
  const tls = require("node:tls") as typeof import("node:tls");
  if (!tls.setDefaultCACertificates) throw new Error("NODE_EXTRA_CA_CERTS in-process needs Node >= 22.19");
  const before = tls.getCACertificates("default");
  tls.setDefaultCACertificates([...before, readFileSync(file, "utf8")]);
  return () => tls.setDefaultCACertificates(before);
}
