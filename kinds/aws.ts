import { NOT_ROTATED } from "../lifecycle/credential-created";
import type { StackAdapter } from "./adapter";

/** AWS: the connector stack with AWS CDK. Insights assumes the role: there is no credential to rotate. */
export const awsAdapter: StackAdapter<"aws"> = {
  stack: async () => (await import("../stacks/aws/connector-stack")).awsConnectorStack,
  extract: async () => (await import("../review/extract/aws-connector-template")).awsTemplateGrants,
  reader: async () => (await import("../verify/readers/aws")).awsReader,
  rotation: NOT_ROTATED,
  engine: async () => (await import("../lifecycle/engines/aws-cdk")).awsCdkEngine,
};
