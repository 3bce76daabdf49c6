import { Aws, CfnOutput, LegacyStackSynthesizer, Stack, Tags, type StackProps } from "aws-cdk-lib";
import { CfnStackSet } from "aws-cdk-lib/aws-cloudformation";
import type { Construct } from "constructs";
import type { AwsConnectorConfig } from "../../connectors/aws/config";
import { awsGrants } from "../../connectors/aws/grants";
import { connectorRole } from "./connector-role";
import type { InsightsReadOnlyRole } from "./insights-read-only-role";
import { memberAccountTemplate } from "./member-account-template";
import { memberStackSetName } from "./member-stack-set-name";
import { externalIdParameter, rootOrgUnitIdParameter } from "./parameters";

/** Properties of {@link InsightsAwsConnectorStack}. */
export interface InsightsAwsConnectorStackProps extends StackProps {
  /** The tenant config's `aws` connector. */
  readonly connector: AwsConnectorConfig;
}

/**
 * What the Insights "Add an AWS Connector" CloudFormation template does, as code: the
 * read-only role in this account and, with `organization`, the same role in every
 * member account through a service-managed StackSet on the root OU. Output `ARN` goes
 * into the Insights connection panel.
 */
export class InsightsAwsConnectorStack extends Stack {
  readonly role: InsightsReadOnlyRole;

  constructor(scope: Construct, id: string, props: InsightsAwsConnectorStackProps) {
    super(scope, id, {
      // The template goes inline with the operator's own credentials: no CDK bootstrap, no deploy role, no bucket.
      synthesizer: new LegacyStackSynthesizer(),
      description: "BeyondTrust Identity Security Insights AWS connector (insights-connectors)",
      // Stack-level tags too: with cdk.json's @aws-cdk/core:explicitStackTags, Tags.of(stack) reaches resources only.
      tags: props.connector.tags,
      ...props,
    });
    const { connector } = props;
    const grants = awsGrants(connector);
    const externalId = externalIdParameter(this);

    this.role = connectorRole(this, connector, grants, externalId.valueAsString);

    if (connector.organization) {
      const rootOrgUnitId = rootOrgUnitIdParameter(this, connector.organization.rootOrgUnitId);
      new CfnStackSet(this, "MemberAccounts", {
        stackSetName: memberStackSetName(this.stackName),
        description: "BeyondTrust Identity Security Insights read-only role in every member account",
        permissionModel: "SERVICE_MANAGED",
        callAs: "SELF",
        autoDeployment: { enabled: true, retainStacksOnAccountRemoval: false },
        capabilities: ["CAPABILITY_NAMED_IAM"],
        managedExecution: { Active: true },
        operationPreferences: { failureToleranceCount: 0, maxConcurrentPercentage: 25, regionConcurrencyType: "PARALLEL" },
        // IAM is global: one region per account is enough.
        stackInstancesGroup: [{ deploymentTargets: { organizationalUnitIds: [rootOrgUnitId.valueAsString] }, regions: [Aws.REGION] }],
        parameters: [{ parameterKey: "BtConnectorExternalId", parameterValue: externalId.valueAsString }],
        templateBody: JSON.stringify(memberAccountTemplate(connector, grants)),
      });
    }

    new CfnOutput(this, "ARN", {
      value: this.role.role.roleArn,
      description: "Paste into the ARN field of the Insights AWS connection panel",
    });
    for (const [key, value] of Object.entries(connector.tags)) Tags.of(this).add(key, value);
  }
}
