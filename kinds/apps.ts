import type { App as CdkApp, Stack } from "aws-cdk-lib";
import type { TerraformStack } from "cdktf";
import type { Construct } from "constructs";
import type { EngineName } from "../connectors/kind";
import type { Plan } from "../plan/model";
import { plannedStacks } from "../plan/select";
import { addCdkStacks } from "../stacks/cdk-app";
import type { CdkStackFactory, CdktfStackFactory } from "../stacks/stack-factory";
import { adapterOf } from "./registry";

/** The plan's stacks that `engine` applies, each with its name, config and its kind's factory. */
async function stacksOf<F>(plan: Plan, engine: EngineName): Promise<{ name: string; connector: any; factory: F }[]> {
  return Promise.all(
    plannedStacks(plan, engine).map(async (planned) => ({
      name: planned.provisioning.stackName,
      connector: planned.config,
      factory: (await adapterOf(planned.kind)!.stack()) as F,
    })),
  );
}

/** The CDK app's stacks (bin/cdk-app.ts): one per planned stack AWS CDK applies, with cdk-nag. */
export async function addPlannedCdkStacks(app: CdkApp, plan: Plan): Promise<Stack[]> {
  return addCdkStacks(app, await stacksOf<CdkStackFactory<any>>(plan, "aws-cdk"), { nag: true });
}

/** The CDKTF app's stacks (bin/cdktf-app.ts): one per planned stack CDKTF applies. */
export async function addPlannedCdktfStacks(app: Construct, plan: Plan): Promise<TerraformStack[]> {
  const stacks = await stacksOf<CdktfStackFactory<any>>(plan, "cdktf");
  return stacks.map(({ name, connector, factory }) => factory(app, name, connector));
}
