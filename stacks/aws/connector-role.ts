import { Duration } from "aws-cdk-lib";
import type { Construct } from "constructs";
import type { AwsConnectorConfig } from "../../connectors/aws/config";
import type { Grant } from "../../connectors/grant";
import { InsightsReadOnlyRole } from "./insights-read-only-role";

/** The Insights role as an `aws` connector configures it; the same in the management and member accounts. */
export function connectorRole(
  scope: Construct,
  connector: AwsConnectorConfig,
  grants: readonly Grant[],
  externalId: string,
): InsightsReadOnlyRole {
  return new InsightsReadOnlyRole(scope, "Insights", {
    trustedPrincipal: connector.trustedPrincipal,
    externalId,
    grants,
    roleName: connector.roleName,
    permissionsBoundaryArn: connector.permissionsBoundary,
    maxSessionDuration: Duration.seconds(connector.maxSessionDurationSeconds),
  });
}
