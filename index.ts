// The package entry: the constructs, for platform teams that add Identity Security Insights to
// their own AWS CDK or CDKTF app, without the CLI or a tenant file (docs/library.md). Every
// permission a construct grants comes from the catalog (connectors/).
export { InsightsReadOnlyRole, type InsightsReadOnlyRoleProps } from "./stacks/aws/insights-read-only-role";
export { InsightsAwsConnectorStack, type InsightsAwsConnectorStackProps } from "./stacks/aws/connector-stack";
export {
  InsightsEntraConnectorStack,
  type InsightsEntraConnectorStackProps,
} from "./stacks/azure/entra-connector-stack";
export {
  InsightsGcpConnectorStack,
  type InsightsGcpConnectorProjectProps,
  type InsightsGcpConnectorStackProps,
} from "./stacks/gcp/gcp-connector-stack";
export {
  InsightsPingOneConnectorStack,
  type InsightsPingOneConnectorStackProps,
} from "./stacks/pingone/pingone-connector-stack";
export { InvalidConstructPropsError } from "./stacks/construct-props";
// Every error the toolkit throws extends ToolkitError; its category says what kind of failure it is.
export { ToolkitError, type ErrorCategory } from "./values/errors";
export type { AzurePermissionGroup } from "./connectors/azure/permissions";
export type { PingOneRegion } from "./connectors/pingone/config";
