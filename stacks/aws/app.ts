import { Validations, type App } from "aws-cdk-lib";
import { AwsSolutionsChecks } from "cdk-nag";
import { stackName } from "../../connectors/stack-name";
import type { AwsConnectorConfig } from "../../connectors/aws/config";
import type { ToolkitConfig } from "../../config/types";
import { InsightsAwsConnectorStack } from "./connector-stack";

/** Adds one stack per `aws` connector of every tenant, and the cdk-nag AWS Solutions pack. */
export function addAwsStacks(app: App, config: ToolkitConfig): InsightsAwsConnectorStack[] {
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  const stacks: InsightsAwsConnectorStack[] = [];
  for (const tenant of config.tenants) {
    for (const connector of tenant.connectors) {
      if (connector.kind !== "aws") continue;
      const name = stackName(tenant.name, connector, tenant.connectors);
      stacks.push(new InsightsAwsConnectorStack(app, name, { connector: connector as AwsConnectorConfig, stackName: name }));
    }
  }
  return stacks;
}
