import { spawnSync } from "node:child_process";

/**
 * Whether a terraform binary is on PATH; `terraform console` evaluates expressions
 * without any provider, so this works offline. Not every machine has one, so tests
 * that need it skip visibly, naming what to install.
 */
export function terraformAvailable(what: string): boolean {
  if (spawnSync("terraform", ["version"], { encoding: "utf8" }).status === 0) return true;
  // eslint-disable-next-line no-console
  console.warn(`SKIPPED ${what}: terraform is not on PATH (install Terraform >= 1.5 or OpenTofu as terraform)`);
  return false;
}

/** Evaluates one expression with `terraform console` in a directory holding a JSON configuration. */
export function terraformConsole(dir: string, expression: string): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync("terraform", ["console"], { cwd: dir, input: `${expression}\n`, encoding: "utf8", timeout: 60_000, env: { ...process.env, TF_IN_AUTOMATION: "1", CHECKPOINT_DISABLE: "1" } });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}
