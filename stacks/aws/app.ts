import { Validations, type App } from "aws-cdk-lib";
import { AwsSolutionsChecks } from "cdk-nag";
import type { AwsConnectorConfig } from "../../connectors/aws/config";
import type { ToolkitConfig } from "../../config/types";
import { connectorsOfKind } from "../../config/connectors-of-kind";
import { awsStackProps, InsightsAwsConnectorStack } from "./connector-stack";

/** Adds one stack per `aws` connector of every tenant, and the cdk-nag AWS Solutions pack. */
export function addAwsStacks(app: App, config: ToolkitConfig): InsightsAwsConnectorStack[] {
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return connectorsOfKind<AwsConnectorConfig>(config, "aws").map(
    ({ name, connector }) => new InsightsAwsConnectorStack(app, name, { stackName: name, ...awsStackProps(connector) }),
  );
}
