import { existsSync } from "node:fs";
import { join } from "node:path";
import type { OktaConnectorConfig } from "../../connectors/okta/config";
import { EngineMissingError, missingEngineCli } from "../../providers/engines/engine-cli";
import { EngineInterruptedError } from "../../providers/engines/engine-stop";
import { lineSplitter, maskLine } from "../../providers/engines/run-engine";
import { pulumiOutputSource } from "../../register/outputs";
import { byAddress, type ResourceAction, type ResourceChange } from "../../providers/engines/resource-change";
import { printable } from "../../providers/text/printable";
import type { ConnectorEngine, EngineContext, EnginePreview, EngineTarget, PreviewContext } from "./engine";

/** The Automation API's module, loaded on first use: the Okta and Pulumi packages take seconds to load. */
function automation(): typeof import("../../stacks/okta/automation") {
  return require("../../stacks/okta/automation") as typeof import("../../stacks/okta/automation");
}

/** Pulumi's install hint when the `pulumi` CLI is not on the PATH of `env`. */
function missingPulumi(env: NodeJS.ProcessEnv): string | undefined {
  return missingEngineCli("pulumi", ["version"], automation().PULUMI_INSTALL, env);
}

/**
 * The Okta stack through Pulumi's Automation API (stacks/okta/automation.ts), with the local
 * file backend under `<stateDir>/pulumi`; outputs read back through the same API
 * (register/outputs.ts). A `keySlots` parameter (JSON) is set in the stack's config first:
 * that is how a key rotation adds the new key, then removes the old one.
 */
export function oktaPulumiEngine(target: EngineTarget, connector: OktaConnectorConfig): ConnectorEngine {
  const { step, settings } = target;
  const stateDir = join(settings.stateDir, "pulumi");
  const oktaRun = { stackName: step.stackName, connector };
  async function run(action: "up" | "destroy", context: EngineContext): Promise<void> {
    const missing = missingPulumi(context.env);
    if (missing) throw new EngineMissingError(missing);
    if (context.signal?.aborted) throw new EngineInterruptedError(`pulumi ${action} (${step.stackName}) did not start`);
    const { runOktaStacks, setOktaKeySlots } = automation();
    const { OKTA_KEY_SLOTS_CONFIG } =
      require("../../stacks/okta/program") as typeof import("../../stacks/okta/program");
    const slots = context.parameters?.[OKTA_KEY_SLOTS_CONFIG];
    if (action === "up" && slots) await setOktaKeySlots(oktaRun, JSON.parse(slots), { stateDir });
    // The Automation API hands output in chunks; the port promises lines.
    const lines = lineSplitter((line) => context.onOutput?.(maskLine(line)));
    try {
      await runOktaStacks([oktaRun], action, { stateDir, onOutput: lines.push, signal: context.signal });
    } catch (error) {
      // The Automation API reports a CLI it interrupted as a failed command.
      if (context.signal?.aborted)
        throw new EngineInterruptedError(`pulumi ${action} (${step.stackName}) was interrupted`);
      throw error;
    } finally {
      lines.end();
    }
  }
  return {
    step,
    missing: () => missingPulumi(settings.env),
    describe: (action) => [
      `pulumi ${action === "deploy" ? "up" : "destroy"} --stack ${step.stackName} ` +
        `(Automation API, project insights-connectors-okta, backend file://${stateDir})`,
      ...(action === "deploy" ? [`pulumi stack output --json --show-secrets --stack ${step.stackName}`] : []),
    ],
    async deploy(context) {
      await run("up", context);
      const outputs = await pulumiOutputSource(stateDir).outputs(step.stackName, "pulumi");
      if (!outputs) throw new Error(`pulumi up of ${step.stackName} succeeded but its outputs could not be read`);
      return outputs;
    },
    destroy: (context) => run("destroy", context),
    preview: (action, context) => previewOkta(target, connector, action, context),
    localFiles: () =>
      existsSync(stateDir)
        ? [
            {
              path: stateDir,
              what: "the Pulumi backend (file://)",
              removedByDestroy: false,
              why: `pulumi destroy empties the stack ${step.stackName}; its history and config stay`,
            },
          ]
        : [],
  };
}

/** Pulumi's step operations (@pulumi/pulumi 3.270.0 automation/stack.d.ts `OpType`) as preview actions. */
const OPS: Readonly<Record<string, ResourceAction>> = {
  same: "no-op",
  create: "create",
  update: "update",
  delete: "delete",
  replace: "replace",
  "create-replacement": "replace",
  "delete-replaced": "replace",
  read: "read",
  "read-replacement": "read",
  refresh: "no-op",
  import: "create",
  "import-replacement": "replace",
  discard: "no-op",
  "discard-replaced": "no-op",
  "remove-pending-replace": "delete",
};

/** Pulumi's own bookkeeping (the stack, the providers) is not a resource of the connector. */
const BOOKKEEPING = /^pulumi:(pulumi:Stack|providers:)/;

/** One entry per resource (a replacement's two steps are one replace), named by the last part of its URN. */
function changesOf(steps: readonly { op: string; urn: string; type: string }[]): ResourceChange[] {
  const byUrn = new Map<string, ResourceChange>();
  for (const step of steps.filter((s) => !BOOKKEEPING.test(s.type))) {
    const action = OPS[step.op] ?? "update";
    const known = byUrn.get(step.urn);
    if (known?.action === "replace") continue;
    byUrn.set(step.urn, { address: step.urn.split("::").pop()!, type: step.type, action });
  }
  return byAddress([...byUrn.values()]);
}

/**
 * `pulumi preview` through the Automation API when the Pulumi CLI is installed and the stack
 * exists; otherwise the resources the program declares under Pulumi's mock engine (offline).
 */
async function previewOkta(
  target: EngineTarget,
  connector: OktaConnectorConfig,
  action: "deploy" | "destroy",
  context: PreviewContext,
): Promise<EnginePreview> {
  const { stackName } = target.step;
  const stateDir = join(target.settings.stateDir, "pulumi");
  const declared = async (note: string, as: ResourceAction = "declared"): Promise<EnginePreview> => {
    const { declareOktaProgram } = await import("../../review/extract/okta-program");
    const program = await declareOktaProgram(connector, stackName);
    const resources = program
      .filter((r) => !BOOKKEEPING.test(r.type))
      .map((r) => ({ address: r.name, type: r.type, action: as }));
    return { source: "synthesized", note, resources: byAddress(resources) };
  };
  if (context.mode === "synthesized") return declared("asked for the synthesized program only");
  const missing = missingPulumi(context.env);
  if (missing) return declared(`pulumi preview needs the Pulumi CLI: ${missing}`);
  const lines = lineSplitter((line) => context.onOutput?.(maskLine(line)));
  try {
    const steps = await automation().previewOktaStack(
      { stackName, connector },
      action === "deploy" ? "up" : "destroy",
      {
        stateDir,
        onOutput: lines.push,
        signal: context.signal,
      },
    );
    if (steps) return { source: "engine", note: "pulumi preview (Automation API)", resources: changesOf(steps) };
    const none = `no Pulumi stack ${stackName} in file://${stateDir} yet`;
    if (action === "destroy") return { source: "engine", note: `${none}: nothing to destroy`, resources: [] };
    return declared(`${none}: up creates every resource the program declares`, "create");
  } catch (error) {
    if (context.signal?.aborted) throw error;
    return declared(`pulumi preview could not run here: ${printable((error as Error).message)}`);
  } finally {
    lines.end();
  }
}
