import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { CachedCloudAssembly, IIoHost, Toolkit } from "@aws-cdk/toolkit-lib";
import { checkTlsVerificationFor } from "../http/secure-endpoint";
import { EngineInterruptedError } from "./engine-stop";
import { byAddress, type ResourceAction, type ResourceChange } from "./resource-change";
import { EngineRunError, maskLine } from "./run-engine";

/**
 * One stack of a CDK app deployed, diffed or destroyed through the CDK's programmatic toolkit
 * (`@aws-cdk/toolkit-lib`) in this process: no `cdk` child, so no parameter value is ever in a
 * command line or a child's environment. The app is built in process too (`assembly`).
 */
export interface CdkToolkitRun {
  readonly stackName: string;
  /**
   * Builds the app into `outdir` with `context` and returns `app.synth()`: the toolkit's
   * assembly builder (toolkit-lib `AssemblyBuilder`), with the synthesis parameters passed on.
   */
  readonly assembly: (props: { outdir?: string; context?: Record<string, unknown> }) => Promise<unknown>;
  /** The app's context before the toolkit's own: cdk.json's feature flags, so the template is `npm run cdk`'s. */
  readonly context: Readonly<Record<string, unknown>>;
  /** CloudFormation parameters by bare name (`BtConnectorExternalId`); exactly these, in memory only. */
  readonly parameters?: Readonly<Record<string, string>>;
  /** `direct` uses CreateStack/UpdateStack (CloudFormation emulators need it). @default change sets */
  readonly method?: "direct" | "change-set";
  /** The user agreed (`--yes`): the toolkit's deploy and destroy confirmations are answered yes, else no. */
  readonly yes: boolean;
  /** Each line the toolkit reports (info and up), colour-free, parameter values masked. */
  readonly onOutput?: (line: string) => void;
  /** Stops waiting for the toolkit (see {@link withStack}). */
  readonly signal?: AbortSignal;
}

type ToolkitLib = typeof import("@aws-cdk/toolkit-lib");

/** The library, loaded on first use: it brings the AWS SDK clients with it. */
function toolkitLib(): ToolkitLib {
  return require("@aws-cdk/toolkit-lib") as ToolkitLib;
}

/**
 * What the toolkit says, as lines for the user. Trace and debug messages are dropped: the SDK
 * trace (`CDK_SDK_I0100`) echoes every call's input, CreateStack's parameter values included
 * (measured against moto with toolkit-lib 1.43.0, findings-26 §1); everything else is masked too.
 * Confirmations are answered by `--yes` alone: this toolkit never prompts.
 */
export function cdkIoHost(run: Pick<CdkToolkitRun, "yes" | "onOutput" | "parameters">): IIoHost {
  const secrets = Object.values(run.parameters ?? {});
  return {
    async notify(message) {
      if (message.level === "trace" || message.level === "debug") return;
      for (const line of message.message.split(/\r?\n/)) {
        const clean = maskLine(line, secrets).trimEnd();
        if (clean.trim()) run.onOutput?.(clean);
      }
    },
    async requestResponse(request) {
      // toolkit-lib's confirmations default to yes (lib/api/io/private/message-maker.js `confirm`).
      return (typeof request.defaultResponse === "boolean" ? run.yes : request.defaultResponse) as never;
    },
  };
}

/** A new toolkit that reports through {@link cdkIoHost}, without colours or emojis. */
function newToolkit(run: CdkToolkitRun): Toolkit {
  return new (toolkitLib().Toolkit)({ ioHost: cdkIoHost(run), color: false, emojis: false });
}

/** Selects exactly the run's stack. */
function onlyStack(run: CdkToolkitRun) {
  const { StackSelectionStrategy } = toolkitLib();
  return { strategy: StackSelectionStrategy.PATTERN_MUST_MATCH_SINGLE, patterns: [run.stackName] };
}

/**
 * Synthesizes the app in process into a private folder (0700, removed afterwards), then hands the
 * assembly to `use`. The toolkit takes no abort signal and starts no process: on
 * `run.signal` the run stops waiting and rejects with {@link EngineInterruptedError} at once.
 * CloudFormation goes on with a stack operation already started and takes no local lock; the
 * next deploy waits for it (toolkit-lib `stabilizeStack`, "Waiting for stack … to finish").
 */
async function withStack<T>(
  action: string,
  run: CdkToolkitRun,
  use: (toolkit: Toolkit, assembly: CachedCloudAssembly) => Promise<T>,
): Promise<T> {
  const label = `cdk ${action} (${run.stackName})`;
  // In process, the toolkit's SDK clients would obey a switched-off TLS check as a child would.
  checkTlsVerificationFor(process.env, label);
  run.signal?.throwIfAborted();
  const outdir = mkdtempSync(join(tmpdir(), `insights-cdk-${run.stackName}-`));
  const cleanup = () => rmSync(outdir, { recursive: true, force: true });
  const work = (async () => {
    const toolkit = newToolkit(run);
    const { MemoryContext } = toolkitLib();
    const source = await toolkit.fromAssemblyBuilder(run.assembly as never, {
      outdir,
      // Nothing global is changed, no account is resolved for synthesis, no lookups run.
      clobberEnv: false,
      resolveDefaultEnvironment: false,
      lookups: false,
      contextStore: new MemoryContext({ ...run.context }),
    });
    const assembly = await toolkit.synth(source);
    try {
      return await use(toolkit, assembly);
    } finally {
      await assembly.dispose();
    }
  })();
  try {
    return await untilAborted(work, run.signal, label);
  } catch (error) {
    if (error instanceof EngineInterruptedError) throw error;
    throw asEngineError(label, error, Object.values(run.parameters ?? {}));
  } finally {
    cleanup();
  }
}

/** `work`, or {@link EngineInterruptedError} as soon as `signal` aborts. */
function untilAborted<T>(work: Promise<T>, signal: AbortSignal | undefined, label: string): Promise<T> {
  if (!signal) return work;
  return new Promise<T>((resolve, reject) => {
    const onAbort = () =>
      reject(
        new EngineInterruptedError(
          `${label} was interrupted; a CloudFormation operation it started goes on, and the next up waits for it`,
        ),
      );
    signal.addEventListener("abort", onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
  });
}

/** A toolkit failure in the form engine failures take; success is judged by the throw, never by message levels. */
function asEngineError(label: string, error: unknown, secrets: readonly string[]): Error {
  const message = maskLine(error instanceof Error ? error.message : String(error), secrets);
  return new EngineRunError(`${label} failed: ${message.replace(/\s+/g, " ").trim()}`, "");
}

/** Creates or updates the stack with exactly the run's parameters; returns its outputs, read from the result. */
export async function cdkToolkitDeploy(run: CdkToolkitRun): Promise<Record<string, string>> {
  return withStack("deploy", run, async (toolkit, assembly) => {
    const { StackParameters } = toolkitLib();
    const result = await toolkit.deploy(assembly, {
      stacks: onlyStack(run),
      deploymentMethod: { method: run.method ?? "change-set" },
      parameters: StackParameters.exactly({ ...run.parameters }),
    });
    const deployed = result.stacks.find((s) => s.stackName === run.stackName);
    if (!deployed) throw new Error(`the toolkit reported no stack ${run.stackName}`);
    return { ...deployed.outputs };
  });
}

/** Deletes the stack; succeeds when there is none. */
export async function cdkToolkitDestroy(run: CdkToolkitRun): Promise<void> {
  await withStack("destroy", run, (toolkit, assembly) => toolkit.destroy(assembly, { stacks: onlyStack(run) }));
}

/** CloudFormation's impact on a resource as a preview action (@aws-cdk/cloudformation-diff `ResourceImpact`). */
const IMPACT: Readonly<Record<string, ResourceAction>> = {
  WILL_CREATE: "create",
  WILL_UPDATE: "update",
  WILL_REPLACE: "replace",
  MAY_REPLACE: "replace",
  WILL_DESTROY: "delete",
  WILL_ORPHAN: "delete",
  WILL_IMPORT: "create",
  NO_CHANGE: "no-op",
};

/**
 * The toolkit's template diff of the stack against the template CloudFormation holds (needs
 * credentials; a stack not deployed yet diffs as all-new), one entry per changed resource.
 * Template-only: no change set is created, so no parameter is needed or sent.
 */
export async function cdkToolkitDiff(
  run: CdkToolkitRun,
  /** Gets the synthesized template before the diff asks CloudFormation: a caller's fallback needs no second synth. */
  onTemplate?: (template: { readonly Resources?: Record<string, { readonly Type: string }> }) => void,
): Promise<ResourceChange[]> {
  return withStack("diff", run, async (toolkit, assembly) => {
    onTemplate?.(assembly.cloudAssembly.getStackByName(run.stackName).template);
    const { DiffMethod } = toolkitLib();
    const diffs = await toolkit.diff(assembly, { stacks: onlyStack(run), method: DiffMethod.TemplateOnly() });
    const changes: ResourceChange[] = [];
    for (const diff of Object.values(diffs)) {
      diff.resources.forEachDifference((logicalId, change) => {
        const impact = String(change.changeImpact);
        changes.push({
          address: logicalId,
          type: change.resourceType ?? "unknown",
          action: IMPACT[impact] ?? "update",
          ...(impact === "MAY_REPLACE" || impact === "WILL_ORPHAN" ? { reason: impact } : {}),
        });
      });
    }
    return byAddress(changes);
  });
}
