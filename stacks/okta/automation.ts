import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import type { OktaConnectorConfig } from "../../connectors/okta/config";
import { EngineMissingError, requireEngineCli } from "../../providers/engines/engine-cli";
import { oktaKeySlots, type OktaKeySlots } from "../../connectors/okta/key-rotation";
import { ensurePrivateFolder } from "../../values/state-files";
import { OKTA_KEY_SLOTS_CONFIG, oktaProgram } from "./program";

export const OKTA_PROJECT = "insights-connectors-okta";
export const PULUMI_INSTALL =
  "install it from https://www.pulumi.com/docs/iac/download-install/ (the Automation API drives that CLI)";

export type OktaAction = "preview" | "up" | "destroy";

export interface OktaRun {
  /** Stack name, `<tenant>-okta[-slug]`. */
  readonly stackName: string;
  readonly connector: OktaConnectorConfig;
}

export interface OktaRunOptions {
  /** Folder for the local state backend (`file://`), kept out of git. */
  readonly stateDir: string;
  readonly onOutput: (text: string) => void;
  /** Interrupts the CLI: the Automation API sends it one SIGINT, and it stops gracefully. */
  readonly signal?: AbortSignal;
}

/** The passphrase that encrypts secrets (the private key) in the local state; never a default. */
function passphraseEnv(): Record<string, string> {
  const { PULUMI_CONFIG_PASSPHRASE: phrase, PULUMI_CONFIG_PASSPHRASE_FILE: file } = process.env;
  if (phrase) return { PULUMI_CONFIG_PASSPHRASE: phrase };
  if (file) return { PULUMI_CONFIG_PASSPHRASE_FILE: resolve(file) };
  throw new EngineMissingError(
    "set PULUMI_CONFIG_PASSPHRASE or PULUMI_CONFIG_PASSPHRASE_FILE: it encrypts the connector's private key in the local Pulumi state. Nothing was changed.",
  );
}

/** The connector's stack in the local file backend, with the program inline; checks the CLI and passphrase first. */
async function selectOktaStack(run: OktaRun, options: Pick<OktaRunOptions, "stateDir">) {
  requireEngineCli("pulumi", ["version"], PULUMI_INSTALL);
  const secrets = passphraseEnv();
  const workspace = oktaWorkspace(options.stateDir, secrets);
  // The Automation API refuses a workDir that does not exist yet (a first run on a fresh state folder).
  ensurePrivateFolder(workspace.workDir);
  // Loaded only here: the Automation API looks for the CLI as soon as it is used.
  const { LocalWorkspace } = await import("@pulumi/pulumi/automation");
  return LocalWorkspace.createOrSelectStack(oktaInlineProgram(run), { ...workspace, secretsProvider: "passphrase" });
}

/** The local file backend's workspace in the state folder, as every Okta engine call opens it. */
function oktaWorkspace(stateDir: string, secrets: Record<string, string>) {
  const backendUrl = `file://${resolve(stateDir)}`;
  return {
    workDir: join(resolve(stateDir), "workspace"),
    projectSettings: { name: OKTA_PROJECT, runtime: "nodejs" as const, backend: { url: backendUrl } },
    envVars: { PULUMI_BACKEND_URL: backendUrl, ...secrets },
  };
}

/** The connector's program, inline, under its stack's name. */
function oktaInlineProgram(run: OktaRun) {
  return { projectName: OKTA_PROJECT, stackName: run.stackName, program: oktaProgram(run.connector, run.stackName) };
}

/**
 * Runs the Okta program through Pulumi's Automation API with a local file backend and
 * the passphrase secrets provider: no Pulumi Cloud account. Returns each stack's
 * outputs with secrets left as Pulumi reports them (masked).
 */
export async function runOktaStacks(
  runs: readonly OktaRun[],
  action: OktaAction,
  options: OktaRunOptions,
): Promise<void> {
  for (const run of runs) {
    const stack = await selectOktaStack(run, options);
    options.onOutput(`${action} ${run.stackName}\n`);
    const common = { onOutput: options.onOutput, color: "never" as const, signal: options.signal };
    if (action === "preview") await stack.preview(common);
    if (action === "up") await stack.up(common);
    if (action === "destroy") await stack.destroy(common);
  }
}

/** What a Pulumi preview says about one resource: its step's operation, URN and type. */
export interface PreviewStep {
  readonly op: string;
  readonly urn: string;
  readonly type: string;
}

/**
 * `pulumi preview` (or its destroy form) of the connector's stack through the Automation API,
 * collecting each resource's step. Undefined when the stack does not exist in the backend:
 * a preview selects, never creates, so it changes nothing. `signal` interrupts the CLI
 * (the Automation API sends it one SIGINT: @pulumi/pulumi 3.270.0 automation/cmd.js).
 */
export async function previewOktaStack(
  run: OktaRun,
  action: "up" | "destroy",
  options: OktaRunOptions,
): Promise<PreviewStep[] | undefined> {
  requireEngineCli("pulumi", ["version"], PULUMI_INSTALL);
  const secrets = passphraseEnv();
  const workspace = oktaWorkspace(options.stateDir, secrets);
  if (!existsSync(workspace.workDir)) return undefined;
  const { LocalWorkspace } = await import("@pulumi/pulumi/automation");
  const stack = await LocalWorkspace.selectStack(oktaInlineProgram(run), workspace).catch(() => undefined);
  if (!stack) return undefined;
  const steps: PreviewStep[] = [];
  const onEvent = (event: { resourcePreEvent?: { metadata: PreviewStep } }) => {
    const step = event.resourcePreEvent?.metadata;
    if (step) steps.push({ op: step.op, urn: step.urn, type: step.type });
  };
  const common = { onOutput: options.onOutput, onEvent, color: "never" as const, signal: options.signal };
  await (action === "up" ? stack.preview(common) : stack.previewDestroy(common));
  return steps;
}

/**
 * Records the key slots the program declares on its next run, in the stack's own config:
 * `beginOktaKeyRotation` before the `up` that adds the new key, `completeOktaKeyRotation`
 * before the `up` that removes the old one once the new key is registered.
 */
export async function setOktaKeySlots(
  run: OktaRun,
  slots: OktaKeySlots,
  options: Pick<OktaRunOptions, "stateDir">,
): Promise<void> {
  const stack = await selectOktaStack(run, options);
  await stack.setConfig(OKTA_KEY_SLOTS_CONFIG, { value: JSON.stringify(oktaKeySlots.parse(slots)) });
}
