import { runEngine, type EngineRunResult } from "./run-engine";
import { toolkitRoot } from "./toolkit-root";

/** The AWS CDK CLI this package depends on (`aws-cdk`), so no global install is needed. */
export const CDK_INSTALL = "run `npm ci` in the toolkit: the aws-cdk package provides it";

/** One `cdk deploy` or `cdk destroy` of a stack of this toolkit's CDK app (cdk.json). */
export interface CdkRun {
  readonly stackName: string;
  /** The tenant config the app synthesizes (`-c config=FILE`). */
  readonly configFile: string;
  /** Synthesis output (`-o`): one folder per run, so tenants deploying at once do not share one. */
  readonly outdir: string;
  /** CloudFormation parameters of the stack, by name; the values go to the CLI and nowhere else. */
  readonly parameters?: Readonly<Record<string, string>>;
  /** `cdk deploy --outputs-file`: where the engine writes the stack's outputs. */
  readonly outputsFile?: string;
  /** The user agreed (`--yes`): no approval prompt on deploy, no confirmation on destroy. */
  readonly yes: boolean;
  /** `--method`: `direct` skips change sets (CloudFormation emulators need it). @default the CLI's */
  readonly method?: "direct" | "change-set";
  readonly env: NodeJS.ProcessEnv;
  readonly timeoutMs?: number;
  readonly onOutput?: (line: string) => void;
  readonly signal?: AbortSignal;
}

/** Shown in place of parameter values in a printed command. */
export const MASKED = "***";

/** `cdk deploy` arguments in order; `mask` prints parameter values as {@link MASKED}. */
export function cdkDeployArgs(run: CdkRun, mask = false): string[] {
  const parameters = Object.entries(run.parameters ?? {}).flatMap(([name, value]) => [
    "--parameters",
    `${run.stackName}:${name}=${mask ? MASKED : value}`,
  ]);
  return [
    "deploy",
    run.stackName,
    ...appArgs(run),
    ...(run.method ? [`--method=${run.method}`] : []),
    ...parameters,
    ...(run.outputsFile ? ["--outputs-file", run.outputsFile] : []),
    // Only under --yes: otherwise the CLI's own approval rule stands (and stops a run with no terminal).
    ...(run.yes ? ["--require-approval", "never"] : []),
  ];
}

/** `cdk destroy` arguments in order; `--force` (no confirmation prompt) only under --yes. */
export function cdkDestroyArgs(run: CdkRun): string[] {
  return ["destroy", run.stackName, ...appArgs(run), ...(run.yes ? ["--force"] : [])];
}

function appArgs(run: CdkRun): string[] {
  return ["-c", `config=${run.configFile}`, "-o", run.outdir];
}

/** The CLI of the `aws-cdk` dependency, run by this Node. */
function cdkCommand(): { command: string; prefix: string[] } {
  return { command: process.execPath, prefix: [require.resolve("aws-cdk/bin/cdk")] };
}

/**
 * Quiet in automation: no npm version check (a network call), no ANSI colours, and not the AWS
 * SDK's notice about Node versions of 2027 (noise in the engine's message; register does the same).
 */
export function cdkEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return {
    ...env,
    CDK_DISABLE_VERSION_CHECK: env.CDK_DISABLE_VERSION_CHECK ?? "1",
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ?? "true",
    FORCE_COLOR: "0",
  };
}

function runCdk(args: string[], run: CdkRun): Promise<EngineRunResult> {
  const { command, prefix } = cdkCommand();
  const root = toolkitRoot();
  return runEngine(command, [...prefix, ...args], {
    cwd: root,
    env: cdkEnv(run.env),
    install: CDK_INSTALL,
    timeoutMs: run.timeoutMs,
    onOutput: run.onOutput,
    secrets: Object.values(run.parameters ?? {}),
    signal: run.signal,
    label: `cdk ${args[0]}`,
  });
}

/** `cdk deploy`: creates or updates the stack (a no-op when nothing changed). */
export function cdkDeploy(run: CdkRun): Promise<EngineRunResult> {
  return runCdk(cdkDeployArgs(run), run);
}

/** `cdk destroy`: deletes the stack; succeeds when there is none. */
export function cdkDestroy(run: CdkRun): Promise<EngineRunResult> {
  return runCdk(cdkDestroyArgs(run), run);
}

/** The printable form of a cdk command (parameters masked). */
export function cdkCommandLine(args: readonly string[]): string {
  return ["cdk", ...args].join(" ");
}
