import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { run } from "../../cli/program";

export const REPO = join(__dirname, "..", "..");
export const CLI = join(REPO, "bin", "insights-connectors.js");
/** The preload that runs the TypeScript sources without a build: `node -r REGISTER_TS file.ts`. */
export const REGISTER_TS = join(REPO, "bin", "register-ts.js");

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in this process with captured output (fast; most tests use it). */
export async function runCli(...argv: string[]): Promise<CliResult> {
  let stdout = "";
  let stderr = "";
  const code = await run(argv, {
    stdout: { write: (s: string) => (stdout += s), columns: 160 },
    stderr: { write: (s: string) => (stderr += s) },
  });
  return { code, stdout, stderr };
}

/** Runs the real executable in a child process, as a user or CI would. */
export function spawnCli(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): CliResult {
  const result = spawnSync(process.execPath, [CLI, ...argv], { cwd: REPO, env, encoding: "utf8", timeout: 60_000 });
  if (result.error) throw result.error;
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** Like {@link spawnCli} but without blocking this process, so local fakes in it keep answering. */
export function spawnCliAsync(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<CliResult> {
  const { spawn } = require("node:child_process") as typeof import("node:child_process");
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...argv], { cwd: REPO, env });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

/** A PATH with node on it but without any `binary`, whatever this machine has installed. */
export function pathWithout(binary: string): string {
  const { existsSync } = require("node:fs") as typeof import("node:fs");
  const { dirname } = require("node:path") as typeof import("node:path");
  return [dirname(process.execPath), "/usr/bin", "/bin"].filter((dir) => !existsSync(join(dir, binary))).join(":");
}
