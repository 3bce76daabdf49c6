// The AWS CDK app (`cdk.json`): one InsightsAwsConnectorStack per `aws` connector.
import { App } from "aws-cdk-lib";
import { addAwsStacks } from "../stacks/aws/app";
import { engineConfigPath, loadEngineConfig } from "./config-path";

const app = new App();
addAwsStacks(app, loadEngineConfig(engineConfigPath(app.node.tryGetContext("config"))));
app.synth();
