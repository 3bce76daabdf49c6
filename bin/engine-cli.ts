// Runs the CDK or CDKTF CLI for this repo's apps (`npm run cdk -- …`, `npm run cdktf -- …`):
// the config is checked first, so a bad one is reported once and exits 2 like every
// command here (both CLIs report any failure of their app as exit 1, and cdktf prints the
// app's stderr twice); and the CLIs' offline noise stays out of pipes and CI logs.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { withOwnerOnlyUmask } from "../providers/engines/owner-only-umask";
import { emptySynthesisFolder } from "../providers/engines/synthesis-folder";
import { UnsafeFolderError } from "../values/state-files";
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

/**
 * The folder the cdktf CLI synthesizes into: `--output DIR` / `-o DIR` (also `--output=DIR`), else
 * cdktf.json's `output` (both as cdktf-cli 0.21.0 reads them: its `output` option, alias `o`,
 * defaults to the project config's). Relative to the working folder, like the CLI.
 */
export function cdktfOutputFolder(argv: readonly string[], cwd = process.cwd()): string {
  let found: string | undefined;
  argv.forEach((arg, i) => {
    if (arg === "--output" || arg === "-o") found = argv[i + 1];
    else if (/^(--output|-o)=/.test(arg)) found = arg.slice(arg.indexOf("=") + 1);
  });
  const configured = () => (JSON.parse(readFileSync(join(cwd, "cdktf.json"), "utf8")) as { output?: string }).output;
  return resolve(cwd, found ?? configured() ?? "cdktf.out");
}

/** Empties the output folder, or says why not (another user's, or writable by others) and exits 2. */
function emptyOutputFolderOrExit(outdir: string): void {
  try {
    emptySynthesisFolder(outdir);
  } catch (error) {
    if (!(error instanceof UnsafeFolderError)) throw error;
    process.stderr.write(`error: ${error.message}; nothing was synthesized.\n`);
    process.exit(2);
  }
}

/**
 * Checks the config the app will read (exit 2 with every problem), then runs the CLI and returns
 * its exit code. Before cdktf runs the app, its output folder is emptied of earlier stacks, so
 * `cdktf deploy` applies only what this synthesis writes (providers/engines/synthesis-folder.ts);
 * the CLI runs with an owner-only umask (providers/engines/owner-only-umask.ts).
 */
export function runEngineCli(engine: "cdk" | "cdktf", argv: readonly string[]): number {
  if (RUNS_THE_APP.has(argv[0] ?? "")) {
    loadEngineConfig(engineConfigPath(engine === "cdk" ? contextConfig(argv) : undefined));
    if (engine === "cdktf") emptyOutputFolderOrExit(cdktfOutputFolder(argv));
  }
  const bin = join(__dirname, "..", "node_modules", ".bin", engine);
  const run = withOwnerOnlyUmask(() =>
    spawnSync(bin, [...argv], {
      stdio: "inherit",
      env: quietEngineEnv(process.env, Boolean(process.stdout.isTTY)),
    }),
  );
  if (run.error) throw run.error;
  return run.status ?? 1;
}
