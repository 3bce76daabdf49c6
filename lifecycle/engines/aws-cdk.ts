import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { AwsConnectorConfig } from "../../connectors/aws/config";
import { cdkDeploy, cdkDeployArgs, cdkDestroy, cdkDestroyArgs, type CdkRun } from "../../providers/engines/cdk";
import { outputsFileSource } from "../../register/outputs";
import type { ConnectorEngine, EngineContext, EngineTarget } from "./engine";
import { shellLine } from "../../providers/text/shell-word";

/**
 * The AWS connector stack through this toolkit's CDK app: `cdk deploy` with the external ID as
 * a CloudFormation parameter and `--outputs-file`, so the outputs come from the engine itself.
 */
export function awsCdkEngine(target: EngineTarget, connector: AwsConnectorConfig): ConnectorEngine {
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
      // Loaded here, as in deploy: the parameter's module brings aws-cdk-lib with it.
      const { EXTERNAL_ID_PARAMETER } =
        require("../../stacks/aws/parameters") as typeof import("../../stacks/aws/parameters");
      const parameters = { [EXTERNAL_ID_PARAMETER]: "***" };
      return [
        shellLine(["cdk", ...cdkDeployArgs({ ...shown, parameters, outputsFile: "<temporary>/outputs.json" }, true)]),
      ];
    },
    async deploy(context) {
      const parameters = await deployParameters(target, connector, context);
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
 * The stack's parameters: the caller's (the external ID `up` asked Insights for), else the
 * config's `externalId`, resolved now by `cdkDeployParameters`, the one place that reads it.
 */
async function deployParameters(
  target: EngineTarget,
  connector: AwsConnectorConfig,
  context: EngineContext,
): Promise<Record<string, string>> {
  // Loaded here: these modules bring aws-cdk-lib with them.
  const { EXTERNAL_ID_PARAMETER } = await import("../../stacks/aws/parameters");
  if (context.parameters?.[EXTERNAL_ID_PARAMETER]) return { ...context.parameters };
  const { cdkDeployParameters } = await import("../../stacks/aws/deploy-parameters");
  const [, pair] = cdkDeployParameters(target.step.stackName, connector, target.settings.configDir, context.env);
  const value = pair.slice(`${target.step.stackName}:${EXTERNAL_ID_PARAMETER}=`.length);
  return { ...context.parameters, [EXTERNAL_ID_PARAMETER]: value };
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
