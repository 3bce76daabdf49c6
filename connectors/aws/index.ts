import type { ConnectorKind } from "../kind";
import { awsConnectorConfig, type AwsConnectorConfig } from "./config";
import { awsGrants } from "./grants";
import { awsPlannedRegistration, awsRegistration } from "./registration";

export const aws: ConnectorKind<AwsConnectorConfig, "aws-cdk"> = {
  kind: "aws",
  title: "AWS",
  guideSection: "Connect Identity Security Insights to Amazon Web Services",
  provisioning: {
    mode: "stack",
    engine: "aws-cdk",
    stack: "stacks/aws",
    summary:
      "IAM role trusted by Insights with an external ID; StackSet to every member account when organization-wide",
  },
  config: awsConnectorConfig,
  registration: awsRegistration,
  plannedRegistration: awsPlannedRegistration,
  grants: awsGrants,
  // The external ID is a NoEcho parameter of the management account's stack (lifecycle/deploy-inputs.ts).
  secretHosts: (c) => ({
    source: [],
    byField: {
      externalId: [
        { host: `cloudformation.amazonaws.com/${c.managementAccountId}`, by: "deploy", field: "managementAccountId" },
      ],
    },
  }),
  trustFields: {
    principal: "trustedPrincipal",
    boundary: "permissionsBoundary",
    session: "maxSessionDurationSeconds",
  },
  needsFromInsights: { awsExternalId: (config) => config.externalId },
};
