import { spawnSync } from "node:child_process";

/**
 * Evaluates one expression with `terraform console` in a directory holding a JSON configuration;
 * it needs no provider, so it works offline (tests check `requireTool("terraform", ...)` first).
 */
export function terraformConsole(
  dir: string,
  expression: string,
): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync("terraform", ["console"], {
    cwd: dir,
    input: `${expression}\n`,
    encoding: "utf8",
    timeout: 60_000,
    env: { ...process.env, TF_IN_AUTOMATION: "1", CHECKPOINT_DISABLE: "1" },
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}
