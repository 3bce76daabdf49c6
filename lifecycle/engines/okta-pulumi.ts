import { join } from "node:path";
import type { OktaConnectorConfig } from "../../connectors/okta/config";
import { EngineMissingError, missingEngineCli } from "../../providers/engines/engine-cli";
import { lineSplitter, maskLine } from "../../providers/engines/run-engine";
import { pulumiOutputSource } from "../../register/outputs";
import type { ConnectorEngine, EngineContext, EngineTarget } from "./engine";

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
    context.signal?.throwIfAborted();
    const { runOktaStacks, setOktaKeySlots } = automation();
    const { OKTA_KEY_SLOTS_CONFIG } =
      require("../../stacks/okta/program") as typeof import("../../stacks/okta/program");
    const slots = context.parameters?.[OKTA_KEY_SLOTS_CONFIG];
    if (action === "up" && slots) await setOktaKeySlots(oktaRun, JSON.parse(slots), { stateDir });
    // The Automation API hands output in chunks; the port promises lines.
    const lines = lineSplitter((line) => context.onOutput?.(maskLine(line)));
    try {
      await runOktaStacks([oktaRun], action, { stateDir, onOutput: lines.push });
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
  };
}
