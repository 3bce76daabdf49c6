import { EngineMissingError } from "../../providers/engines/engine-cli";
import {
  missingTerraform,
  runTerraform,
  stackDir,
  synthesizeStackForApply,
  terraformCommand,
  terraformSteps,
  type TerraformStackRun,
} from "../../providers/engines/terraform";
import { terraformOutputSource } from "../../register/outputs";
import type { ConnectorEngine, EngineContext, EngineTarget } from "./engine";
import { shellLine } from "../../providers/text/shell-word";

/**
 * A CDKTF stack (Entra, GCP, PingOne): the toolkit's CDKTF app synthesized to
 * `<cdktfOut>/stacks/<stack>`, then `terraform init` and `apply`/`destroy` there; the outputs
 * are read with `terraform output -json` (register/outputs.ts), as `register` reads them.
 */
export function cdktfEngine(target: EngineTarget): ConnectorEngine {
  const { step, settings } = target;
  const run = (context: EngineContext): TerraformStackRun => ({
    stackName: step.stackName,
    configFile: settings.configFile,
    cdktfOut: settings.cdktfOut,
    stateDir: settings.stateDir,
    variables: context.parameters,
    yes: context.yes,
    env: context.env,
    timeoutMs: settings.timeoutMs,
    onOutput: context.onOutput,
    signal: context.signal,
  });
  /** Synthesizes, then runs init and the action with whichever of terraform/tofu is installed. */
  async function apply(action: "apply" | "destroy", context: EngineContext): Promise<void> {
    const tool = terraformCommand(context.env);
    if (!tool) throw new EngineMissingError(missingTerraform(context.env));
    const stack = run(context);
    if (!(await synthesizeStackForApply(stack))) {
      throw new Error(`the CDKTF app synthesized no stack ${step.stackName} from ${settings.configFile}`);
    }
    await runTerraform(tool, action, stack);
  }
  return {
    step,
    missing: () => missingTerraform(settings.env),
    describe(action, options) {
      const tool = terraformCommand(settings.env) ?? "terraform";
      const dir = stackDir({ cdktfOut: settings.cdktfOut, stackName: step.stackName });
      const synth = `cdktf synth (bin/cdktf-app.ts with ${settings.configFile}) -> ${dir}`;
      const steps = terraformSteps(action === "deploy" ? "apply" : "destroy", options?.yes ?? true);
      const outputs = action === "deploy" ? [["output", "-json", "-no-color"]] : [];
      return [synth, ...[...steps, ...outputs].map((args) => shellLine([tool, `-chdir=${dir}`, ...args]))];
    },
    async deploy(context) {
      await apply("apply", context);
      const outputs = await terraformOutputSource(settings.cdktfOut, context.env).outputs(step.stackName, "cdktf");
      if (!outputs) throw new Error(`terraform apply of ${step.stackName} succeeded but the stack has no outputs`);
      return outputs;
    },
    destroy: (context) => apply("destroy", context),
  };
}
