// Runs the CDK or CDKTF CLI for this repo's apps (`npm run cdk -- …`, `npm run cdktf -- …`):
// the config is checked first, so a bad one is reported once and exits 2 like every
// command here (both CLIs report any failure of their app as exit 1, and cdktf prints the
// app's stderr twice); and the CLIs' offline noise stays out of pipes and CI logs.
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { engineConfigPath, loadEngineConfig } from "./config-path";

/** Commands that run the app, and so read the config; `--help`, `--version`, `init` do not. */
const RUNS_THE_APP = new Set([
  "synth",
  "synthesize",
  "diff",
  "deploy",
  "destroy",
  "list",
  "ls",
  "output",
  "outputs",
  "watch",
  "drift",
  "import",
]);

/** The CLIs' environment, quiet offline and in pipes; a value the user set wins. */
export function quietEngineEnv(env: NodeJS.ProcessEnv, stdoutIsTTY: boolean): NodeJS.ProcessEnv {
  return {
    ...env,
    // cdktf asks HashiCorp's checkpoint service for news on every run: offline, a red ENOTFOUND.
    CHECKPOINT_DISABLE: env.CHECKPOINT_DISABLE ?? "1",
    // Off a terminal, CI mode makes cdktf's ink UI print final states instead of spinner escapes.
    ...(stdoutIsTTY ? {} : { CI: env.CI ?? "1" }),
  };
}

/** `-c config=FILE` / `--context config=FILE` (also `--context=config=FILE`), as the CDK CLI reads it. */
export function contextConfig(argv: readonly string[]): string | undefined {
  let found: string | undefined;
  argv.forEach((arg, i) => {
    const value =
      arg === "-c" || arg === "--context"
        ? argv[i + 1]
        : /^--context=/.test(arg)
          ? arg.slice("--context=".length)
          : undefined;
    if (value?.startsWith("config=")) found = value.slice("config=".length);
  });
  return found;
}

/** Checks the config the app will read (exit 2 with every problem), then runs the CLI and returns its exit code. */
export function runEngineCli(engine: "cdk" | "cdktf", argv: readonly string[]): number {
  if (RUNS_THE_APP.has(argv[0] ?? ""))
    loadEngineConfig(engineConfigPath(engine === "cdk" ? contextConfig(argv) : undefined));
  const bin = join(__dirname, "..", "node_modules", ".bin", engine);
  const run = spawnSync(bin, [...argv], {
    stdio: "inherit",
    env: quietEngineEnv(process.env, Boolean(process.stdout.isTTY)),
  });
  if (run.error) throw run.error;
  return run.status ?? 1;
}
