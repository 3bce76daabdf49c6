import type { AwsConnectorConfig } from "../../connectors/aws/config";
import {
  cdkToolkitDeploy,
  cdkToolkitDestroy,
  cdkToolkitDiff,
  type CdkToolkitRun,
} from "../../providers/engines/cdk-toolkit";
import { byAddress, type ResourceChange } from "../../providers/engines/resource-change";
import { engineAppContext } from "../../providers/engines/toolkit-root";
import { printable } from "../../providers/text/printable";
import { inScratchFolder } from "../../values/scratch-folder";
import type { ConnectorEngine, EngineContext, EnginePreview, EngineTarget, ResolvedDeployInputs } from "./engine";

/** A parameter's value as a dry run shows it. */
const MASKED = "***";

/**
 * The AWS connector stack through the CDK's programmatic toolkit, in this process: the app is
 * synthesized in memory (the same stack and cdk-nag pack as `npm run cdk`, with cdk.json's
 * feature flags), deployed with the external ID as the NoEcho `BtConnectorExternalId` parameter,
 * and the outputs read from the deploy's result. No `cdk` child runs, so the external ID is in
 * no command line and no child's environment (issue 26, item 7). Credentials, region and
 * endpoints come from this process's environment, as the AWS CLI reads them.
 */
export function awsCdkEngine(target: EngineTarget, connector: AwsConnectorConfig): ConnectorEngine {
  const { step, settings } = target;
  const run = (
    context: Pick<EngineContext, "yes" | "onOutput" | "signal">,
    parameters?: Record<string, string>,
  ): CdkToolkitRun => ({
    stackName: step.stackName,
    assembly: (props) => synthesizeAwsStack(step.stackName, connector, props),
    context: engineAppContext("cdk.json"),
    method: settings.cdkMethod,
    // Only these three of the context: its `parameters` are other engines' (Terraform variables), never the stack's.
    yes: context.yes,
    onOutput: context.onOutput,
    signal: context.signal,
    parameters,
  });
  const how = `in process, method ${settings.cdkMethod ?? "change-set"}`;
  return {
    step,
    // The toolkit is a dependency of this package and runs in this process: present wherever the toolkit is.
    missing: () => undefined,
    describe: (action) =>
      action === "deploy"
        ? [`CDK toolkit deploy ${step.stackName} (${how}; parameter ${externalIdParameterName()}=${MASKED})`]
        : [`CDK toolkit destroy ${step.stackName} (in process)`],
    deploy: (context) => cdkToolkitDeploy(run(context, awsStackParameters(context.inputs ?? {}))),
    destroy: (context) => cdkToolkitDestroy(run(context)),
    async preview(action, context): Promise<EnginePreview> {
      const declared = async (note: string) => synthesized(await declaredResources(step.stackName, connector), note);
      if (context.mode === "synthesized") return declared("asked for the synthesized stack only");
      if (action === "destroy") return declared("CloudFormation deletes the stack with every resource it holds");
      let template: Parameters<typeof templateResources>[0] | undefined;
      try {
        const resources = await cdkToolkitDiff(run({ yes: false, signal: context.signal }), (t) => (template = t));
        return { source: "engine", note: "CDK toolkit diff: the template against the deployed stack's", resources };
      } catch (error) {
        if (context.signal?.aborted) throw error;
        const note = `the CDK toolkit could not diff here: ${printable((error as Error).message)}`;
        return template ? synthesized(templateResources(template), note) : declared(note);
      }
    },
  };
}

function synthesized(resources: ResourceChange[], note: string): EnginePreview {
  return { source: "synthesized", note, resources };
}

/** Loaded on use: the parameter's module brings aws-cdk-lib with it. */
function externalIdParameterName(): string {
  return (require("../../stacks/aws/parameters") as typeof import("../../stacks/aws/parameters")).EXTERNAL_ID_PARAMETER;
}

/**
 * The stack's CloudFormation parameters from the deploy's inputs: the external ID as the NoEcho
 * `BtConnectorExternalId`, named like the Insights template's parameter. The template never holds
 * it (a parameter default would print it in every synth); only the toolkit's CreateStack or
 * UpdateStack call, in this process, carries it.
 */
export function awsStackParameters(inputs: ResolvedDeployInputs): Record<string, string> {
  if (!inputs.awsExternalId) {
    throw new Error(
      "the AWS external ID was not given: up asks Insights for it, or reads the config's externalId (sheet tenants)",
    );
  }
  return { [externalIdParameterName()]: inputs.awsExternalId };
}

/**
 * The app with this one stack, built as bin/cdk-app.ts builds it (its kind's stack, the cdk-nag
 * AWS Solutions pack), into the toolkit's folder with the toolkit's context.
 */
async function synthesizeAwsStack(
  stackName: string,
  connector: AwsConnectorConfig,
  props: { outdir?: string; context?: Record<string, unknown> },
): Promise<unknown> {
  const { App } = await import("aws-cdk-lib");
  const { addCdkStacks } = await import("../../stacks/cdk-app");
  const { awsConnectorStack } = await import("../../stacks/aws/connector-stack");
  const app = new App({ outdir: props.outdir, context: props.context });
  addCdkStacks(app, [{ name: stackName, connector, factory: awsConnectorStack }], { nag: true });
  return app.synth();
}

/** The resources of a synthesized template, compared with nothing (no credentials asked for). */
function templateResources(template: {
  readonly Resources?: Record<string, { readonly Type: string }>;
}): ResourceChange[] {
  return byAddress(
    Object.entries(template.Resources ?? {})
      // The CDK's own version report is not a resource of the connector.
      .filter(([, resource]) => resource.Type !== "AWS::CDK::Metadata")
      .map(([logicalId, resource]) => ({ address: logicalId, type: resource.Type, action: "declared" as const })),
  );
}

/** The stack synthesized in process (no toolkit, no credentials), as its template's resources. */
async function declaredResources(stackName: string, connector: AwsConnectorConfig): Promise<ResourceChange[]> {
  return inScratchFolder(`insights-cdk-${stackName}-`, async (outdir) => {
    const assembly = (await synthesizeAwsStack(stackName, connector, {
      outdir,
      context: engineAppContext("cdk.json"),
    })) as { getStackByName(name: string): { template: Parameters<typeof templateResources>[0] } };
    return templateResources(assembly.getStackByName(stackName).template);
  });
}
