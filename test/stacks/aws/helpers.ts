import { join } from "node:path";
import { App } from "aws-cdk-lib";
import { Template } from "aws-cdk-lib/assertions";
import type { AwsConnectorConfig } from "../../../connectors/aws/config";
import { loadConfig } from "../../../config/load";
import { InsightsAwsConnectorStack, awsStackProps } from "../../../stacks/aws/connector-stack";
import { REPO } from "../../helpers/cli";

/** The `aws` connector of an example config. */
export function exampleAwsConnector(file: string): AwsConnectorConfig {
  const config = loadConfig(join(REPO, "examples", file));
  return config.tenants[0].connectors.find((c) => c.kind === "aws") as AwsConnectorConfig;
}

export function synthTemplate(connector: AwsConnectorConfig): Template {
  const app = new App();
  return Template.fromStack(new InsightsAwsConnectorStack(app, "test-aws", awsStackProps(connector)));
}

/** The only resource of a type in a template, as plain JSON. */
export function onlyResource(template: Template, type: string): { Properties: any } {
  const found = Object.values(template.findResources(type));
  if (found.length !== 1) throw new Error(`expected one ${type}, found ${found.length}`);
  return found[0] as { Properties: any };
}
