// The AWS CDK app (`cdk.json`): one stack per planned connector whose kind AWS CDK applies
// (kinds/ binds each kind's stack), with the cdk-nag AWS Solutions pack.
import { App } from "aws-cdk-lib";
import { addPlannedCdkStacks } from "../kinds/apps";
import { buildPlan } from "../plan/build";
import { engineConfigPath, loadEngineConfig, runEngineApp } from "./config-path";

runEngineApp(async () => {
  const app = new App();
  await addPlannedCdkStacks(app, buildPlan(loadEngineConfig(engineConfigPath(app.node.tryGetContext("config")))));
  app.synth();
});
