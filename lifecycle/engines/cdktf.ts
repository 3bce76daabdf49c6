import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { EngineMissingError } from "../../providers/engines/engine-cli";
import {
  missingTerraform,
  runTerraform,
  stackDir,
  synthesizeCdktf,
  synthesizeStackForApply,
  terraformCommand,
  terraformPlan,
  terraformPlanArgs,
  terraformSteps,
  type TerraformStackRun,
} from "../../providers/engines/terraform";
import { declaredResources } from "../../providers/engines/terraform-plan";
import { printable } from "../../providers/text/printable";
import { shellLine } from "../../providers/text/shell-word";
import { inScratchFolder } from "../../values/scratch-folder";
import { terraformOutputSource } from "../../register/outputs";
import type { ConnectorEngine, EngineContext, EnginePreview, EngineTarget, PreviewContext } from "./engine";

/**
 * A CDKTF stack (Entra, GCP, PingOne): the toolkit's CDKTF app synthesized to
 * `<cdktfOut>/stacks/<stack>`, then `terraform init` and `apply`/`destroy` there; the outputs
 * are read with `terraform output -json` (register/outputs.ts), as `register` reads them.
 */
export function cdktfEngine(target: EngineTarget): ConnectorEngine {
  const { step, settings } = target;
  const run = (context: Omit<EngineContext, "yes"> & { yes?: boolean }): TerraformStackRun => ({
    stackName: step.stackName,
    configFile: settings.configFile,
    cdktfOut: settings.cdktfOut,
    stateDir: settings.stateDir,
    variables: context.parameters,
    yes: context.yes ?? false,
    env: context.env,
    timeoutMs: settings.timeoutMs,
    onOutput: context.onOutput,
    signal: context.signal,
    insist: context.insist,
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
    localFiles() {
      // The local backend's file (stacks/terraform/state-backend.ts); a remote backend keeps none here.
      const state = join(settings.stateDir, "terraform", `${step.stackName}.tfstate`);
      const synthesized = stackDir({ cdktfOut: settings.cdktfOut, stackName: step.stackName });
      return [
        {
          path: state,
          what: "Terraform state",
          removedByDestroy: false,
          why: "Terraform keeps it, with no resources after the destroy (and its .backup beside it)",
        },
        {
          path: synthesized,
          what: "the synthesized stack",
          removedByDestroy: false,
          why: "the destroy runs from it; the next synthesis replaces it",
        },
      ].filter((file) => existsSync(file.path));
    },
    // The preview's synthesis moves and creates no state (bin/cdktf-app.ts, PREVIEW_CONTEXT).
    preview: (action, context) =>
      previewStack(step.stackName, action === "deploy" ? "apply" : "destroy", run(context), context),
  };
}

/**
 * Synthesizes the stack into a private folder of its own (0700, removed afterwards: the real
 * `cdktf.out` is left as the last apply had it), then asks Terraform for its plan there, against
 * the stack's state. When Terraform is missing or cannot plan (no credentials, no providers), the
 * synthesized resources are listed with Terraform's reason.
 */
async function previewStack(
  stackName: string,
  action: "apply" | "destroy",
  stack: TerraformStackRun,
  context: PreviewContext,
): Promise<EnginePreview> {
  return inScratchFolder(`insights-preview-${stackName}-`, async (work) => {
    const synthesized = { ...stack, cdktfOut: work };
    await synthesizeCdktf({ ...synthesized, onOutput: undefined, preview: true });
    const dir = stackDir(synthesized);
    const declared = (note: string): EnginePreview => ({
      source: "synthesized",
      note,
      resources: declaredResources(JSON.parse(readFileSync(join(dir, "cdk.tf.json"), "utf8"))),
    });
    if (context.mode === "synthesized") return declared("asked for the synthesized stack only");
    const tool = terraformCommand(context.env);
    if (!tool) return declared(missingTerraform(context.env)!);
    try {
      const resources = await terraformPlan(tool, action, synthesized);
      return { source: "engine", note: `${tool} ${terraformPlanArgs(action).join(" ")}`, resources };
    } catch (error) {
      if (context.signal?.aborted) throw error;
      return declared(`${tool} could not plan here: ${printable((error as Error).message)}`);
    }
  });
}
