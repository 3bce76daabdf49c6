import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { cdkDeploy, cdkDeployArgs, cdkDestroy, cdkDestroyArgs, MASKED, type CdkRun } from "../../providers/engines/cdk";
import { outputsFileSource } from "../../register/outputs";
import type { ConnectorEngine, EngineContext, EngineTarget, ResolvedDeployInputs } from "./engine";
import { shellLine } from "../../providers/text/shell-word";

/**
 * The AWS connector stack through this toolkit's CDK app: `cdk deploy` with the external ID as
 * a CloudFormation parameter and `--outputs-file`, so the outputs come from the engine itself.
 */
export function awsCdkEngine(target: EngineTarget): ConnectorEngine {
  const { step, settings } = target;
  const run = (context: Pick<EngineContext, "env" | "yes" | "onOutput" | "signal">, work: string): CdkRun => ({
    stackName: step.stackName,
    configFile: settings.configFile,
    outdir: join(work, "cdk.out"),
    method: settings.cdkMethod,
    timeoutMs: settings.timeoutMs,
    ...context,
  });
  return {
    step,
    // The CLI is the `aws-cdk` dependency, run by this Node: present wherever the toolkit is.
    missing: () => undefined,
    describe(action, options) {
      const shown = run({ env: settings.env, yes: options?.yes ?? true }, "<temporary folder>");
      if (action === "destroy") return [shellLine(["cdk", ...cdkDestroyArgs(shown)])];
      const parameters = awsStackParameters({ awsExternalId: MASKED });
      return [
        shellLine(["cdk", ...cdkDeployArgs({ ...shown, parameters, outputsFile: "<temporary>/outputs.json" }, true)]),
      ];
    },
    async deploy(context) {
      const parameters = { ...context.parameters, ...awsStackParameters(context.inputs ?? {}) };
      return withWorkFolder(step.stackName, async (work) => {
        const outputsFile = join(work, "outputs.json");
        await cdkDeploy({ ...run(context, work), parameters, outputsFile });
        const outputs = await outputsFileSource(outputsFile).outputs(step.stackName, "aws-cdk");
        if (!outputs) throw new Error(`cdk deploy ${step.stackName} succeeded but wrote no outputs for the stack`);
        return outputs;
      });
    },
    async destroy(context) {
      await withWorkFolder(step.stackName, (work) => cdkDestroy(run(context, work)));
    },
  };
}

/**
 * The stack's CloudFormation parameters from the deploy's inputs: the external ID as the NoEcho
 * `BtConnectorExternalId`, named like the Insights template's parameter. The template never holds
 * it (a parameter default would print it in every synth); `cdkDeployArgs` gives it its argv form.
 */
export function awsStackParameters(inputs: ResolvedDeployInputs): Record<string, string> {
  if (!inputs.awsExternalId) {
    throw new Error(
      "the AWS external ID was not given: up asks Insights for it, or reads the config's externalId (sheet tenants)",
    );
  }
  // Loaded here: the parameter's module brings aws-cdk-lib with it.
  const { EXTERNAL_ID_PARAMETER } =
    require("../../stacks/aws/parameters") as typeof import("../../stacks/aws/parameters");
  return { [EXTERNAL_ID_PARAMETER]: inputs.awsExternalId };
}

/** A private folder for one run's synthesis and outputs file, removed afterwards (it holds outputs). */
async function withWorkFolder<T>(stackName: string, use: (dir: string) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), `insights-cdk-${stackName}-`));
  try {
    return await use(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
