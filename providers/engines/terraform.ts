import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { missingEngineCli } from "./engine-cli";
import type { ResourceChange } from "./resource-change";
import { runEngine, type EngineRunOptions, type EngineRunResult } from "./run-engine";
import { humanLine, planErrors, plannedChanges } from "./terraform-plan";
import { synthesizedStackDir, synthesizeFresh } from "./synthesis-folder";
import { engineAppContext, toolkitRoot } from "./toolkit-root";

export const TERRAFORM_INSTALL =
  "install Terraform >= 1.5 (https://developer.hashicorp.com/terraform/install) or OpenTofu as `tofu`";

/** `terraform` where it runs, else OpenTofu's `tofu`; undefined when neither is on the PATH of `env`. */
export function terraformCommand(env: NodeJS.ProcessEnv): "terraform" | "tofu" | undefined {
  return (["terraform", "tofu"] as const).find((tool) => missingEngineCli(tool, ["version"], "", env) === undefined);
}

/** The install message when neither terraform nor tofu runs. */
export function missingTerraform(env: NodeJS.ProcessEnv): string | undefined {
  return terraformCommand(env)
    ? undefined
    : `neither terraform nor tofu is on PATH; ${TERRAFORM_INSTALL}. Nothing was changed.`;
}

/** One CDKTF stack of this toolkit's CDKTF app (cdktf.json), synthesized to `<cdktfOut>/stacks/<stackName>`. */
export interface TerraformStackRun {
  readonly stackName: string;
  readonly configFile: string;
  readonly cdktfOut: string;
  /** Where the app puts the stacks' local state (INSIGHTS_STATE_DIR), as an absolute path. */
  readonly stateDir: string;
  /** Terraform variables, passed as TF_VAR_<name> (undeclared ones are ignored, and no value is in argv). */
  readonly variables?: Readonly<Record<string, string>>;
  readonly yes: boolean;
  readonly env: NodeJS.ProcessEnv;
  readonly timeoutMs?: number;
  readonly onOutput?: (line: string) => void;
  readonly signal?: AbortSignal;
  /** A second interrupt (see runEngine). */
  readonly insist?: AbortSignal;
  /** A preview's synthesis: the app moves and creates no state (the {@link PREVIEW_CONTEXT} context). */
  readonly preview?: boolean;
}

/** The app context that marks a preview's synthesis: bin/cdktf-app.ts then gives the stacks read-only state. */
export const PREVIEW_CONTEXT = "insightsPreview";

export function stackDir(run: Pick<TerraformStackRun, "cdktfOut" | "stackName">): string {
  return synthesizedStackDir(run.cdktfOut, run.stackName);
}

/**
 * The cdktf.json context (`stateBackend`, …) with the config: what `cdktf synth` hands the app.
 * Whether it is a preview is the engine's to say, always: an `insightsPreview` left in cdktf.json
 * cannot make an apply's state read-only (no move, no 0600 file before Terraform writes one).
 */
export function appContext(root: string, configFile: string, preview = false): string {
  return JSON.stringify({
    ...engineAppContext("cdktf.json", root),
    config: resolve(configFile),
    [PREVIEW_CONTEXT]: preview,
  });
}

/**
 * How node starts the CDKTF app: compiled, when this module runs compiled (the CLI runs from
 * dist/, which bin/insights-connectors.js rebuilds when a source is newer, so the app is as fresh
 * as the CLI), or when it runs from the sources (tests) and dist/ was built from every source as
 * it is now; else from its TypeScript source through bin/register-ts.js. The compiled app
 * synthesizes the example in 0.4 s of CPU; from the sources it takes 0.9 s.
 */
export function cdktfAppArgv(root: string, compiledApp = join(__dirname, "..", "..", "bin", "cdktf-app.js")): string[] {
  if (__filename.endsWith(".js") && existsSync(compiledApp)) return [compiledApp];
  const built = join(root, "dist", "bin", "cdktf-app.js");
  if (existsSync(built) && builtFromCurrentSources(root)) return [built];
  return ["-r", join(root, "bin", "register-ts.js"), join(root, "bin", "cdktf-app.ts")];
}

/** Whether a checkout's dist/ holds every source as it is now (scripts/build.js, the CLI's own check). */
function builtFromCurrentSources(root: string): boolean {
  const buildScript = join(root, "scripts", "build.js");
  if (!existsSync(buildScript)) return false;
  return !(require(buildScript) as { isStale(): boolean }).isStale();
}

/**
 * Synthesizes the CDKTF app as `cdktf synth` does (its `app` command with CDKTF_OUTDIR and
 * CDKTF_CONTEXT_JSON), without the cdktf CLI: one node process, and nothing else on PATH asked.
 */
export function synthesizeCdktf(run: TerraformStackRun): Promise<EngineRunResult> {
  const root = toolkitRoot();
  return runEngine(process.execPath, cdktfAppArgv(root), {
    cwd: root,
    env: {
      ...run.env,
      CDKTF_OUTDIR: resolve(run.cdktfOut),
      CDKTF_CONTEXT_JSON: appContext(root, run.configFile, run.preview),
      INSIGHTS_STATE_DIR: resolve(run.stateDir),
    },
    install: "run `npm ci` in the toolkit",
    timeoutMs: run.timeoutMs,
    onOutput: run.onOutput,
    signal: run.signal,
    insist: run.insist,
    label: "cdktf synth",
  });
}

/**
 * Synthesizes the app for an apply: into a new empty folder, keeping only `run.stackName`, which
 * replaces the old {@link stackDir} whole (providers/engines/synthesis-folder.ts). False, with
 * nothing changed, when the app synthesized no such stack.
 */
export function synthesizeStackForApply(run: TerraformStackRun): Promise<boolean> {
  return synthesizeFresh(run.cdktfOut, run.stackName, (outdir) => synthesizeCdktf({ ...run, cdktfOut: outdir }));
}

/** Terraform's argument lists, in the order they run; `-auto-approve` only under --yes. */
export function terraformSteps(action: "apply" | "destroy", yes: boolean): string[][] {
  const approve = yes ? ["-auto-approve"] : [];
  return [
    ["init", "-input=false", "-no-color"],
    [action, ...approve, "-input=false", "-no-color"],
  ];
}

/** Automation settings (no prompts, no checkpoint call) and the variables as TF_VAR_*. */
function terraformEnv(run: TerraformStackRun): NodeJS.ProcessEnv {
  const variables = Object.fromEntries(
    Object.entries(run.variables ?? {}).map(([name, value]) => [`TF_VAR_${name}`, value]),
  );
  return {
    ...run.env,
    TF_IN_AUTOMATION: "1",
    TF_INPUT: "0",
    CHECKPOINT_DISABLE: run.env.CHECKPOINT_DISABLE ?? "1",
    ...variables,
  };
}

/** How every Terraform command of a stack runs: in its folder, with its variables, bounded and masked. */
function terraformRun(tool: string, command: string, run: TerraformStackRun): EngineRunOptions {
  return {
    cwd: stackDir(run),
    env: terraformEnv(run),
    install: TERRAFORM_INSTALL,
    timeoutMs: run.timeoutMs,
    onOutput: run.onOutput,
    secrets: Object.values(run.variables ?? {}),
    signal: run.signal,
    insist: run.insist,
    label: `${tool} ${command} (${run.stackName})`,
  };
}

/** `terraform init` then `apply` (or `destroy`) in the synthesized stack's folder. */
export async function runTerraform(tool: string, action: "apply" | "destroy", run: TerraformStackRun): Promise<void> {
  for (const args of terraformSteps(action, run.yes)) await runEngine(tool, args, terraformRun(tool, args[0], run));
}

/** The arguments of a preview: the plan streamed as JSON, no plan file, no lock taken. */
export function terraformPlanArgs(action: "apply" | "destroy"): string[] {
  // No -out: a plan file (and `terraform show -json` of it) holds every variable's value in clear.
  // -lock=false: a preview neither waits for nor holds the state lock (it writes no state).
  return ["plan", "-json", "-input=false", "-lock=false", "-no-color", ...(action === "destroy" ? ["-destroy"] : [])];
}

/**
 * What `apply` (or `destroy`) would change, as Terraform plans it against the stack's state:
 * `terraform init`, then `plan -json` (see {@link terraformPlanArgs}). Each streamed message is
 * handed on as its human text; a failure quotes Terraform's error diagnostics.
 */
export async function terraformPlan(
  tool: string,
  action: "apply" | "destroy",
  run: TerraformStackRun,
): Promise<ResourceChange[]> {
  await runEngine(tool, ["init", "-input=false", "-no-color"], terraformRun(tool, "init", run));
  const options = terraformRun(tool, "plan", run);
  const { stdout } = await runEngine(tool, terraformPlanArgs(action), {
    ...options,
    onOutput: (line) => run.onOutput?.(humanLine(line)),
    failure: (stdout) => planErrors(stdout, options.secrets),
  });
  return plannedChanges(stdout);
}
