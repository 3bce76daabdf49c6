import { Aws, CfnOutput, Duration, LegacyStackSynthesizer, Stack, Tags, Token, type StackProps } from "aws-cdk-lib";
import { CfnStackSet } from "aws-cdk-lib/aws-cloudformation";
import type { Construct } from "constructs";
import { awsConnectorConfig, type AwsConnectorConfig } from "../../connectors/aws/config";
import { checkProps, constructLabel } from "../construct-props";
import type { CdkStackFactory } from "../stack-factory";
import { connectorRole, type ConnectorRoleSettings } from "./connector-role";
import type { InsightsReadOnlyRole } from "./insights-read-only-role";
import { memberAccountTemplate } from "./member-account-template";
import { memberStackSetName } from "./member-stack-set-name";
import { externalIdParameter, rootOrgUnitIdParameter } from "./parameters";

/**
 * Properties of {@link InsightsAwsConnectorStack}: the role's settings (see
 * `InsightsReadOnlyRoleProps`; the external ID is the stack's NoEcho `BtConnectorExternalId`
 * parameter) and where the role goes. `tags` go on the stack and on every resource.
 */
export interface InsightsAwsConnectorStackProps extends StackProps, ConnectorRoleSettings {
  /**
   * The organization's root ID (`r-` and 4-32 letters or digits). Given, the same role goes
   * into every member account through a service-managed StackSet on the root OU; the ID
   * becomes the default of the stack's `RootOrgUnitId` parameter.
   * @default - this account only, no StackSet
   */
  readonly rootOrgUnitId?: string;
}

const FIELDS = awsConnectorConfig.shape;

/** A tenant file's `aws` entry as the stack's props. */
export function awsStackProps(connector: AwsConnectorConfig): InsightsAwsConnectorStackProps {
  return {
    trustedPrincipal: connector.trustedPrincipal,
    rootOrgUnitId: connector.organization?.rootOrgUnitId,
    roleName: connector.roleName,
    permissionsBoundaryArn: connector.permissionsBoundary,
    maxSessionDuration: Duration.seconds(connector.maxSessionDurationSeconds),
    tags: connector.tags,
  };
}

/**
 * What the Insights "Add an AWS Connector" CloudFormation template does, as code: the
 * read-only role in this account and, with `rootOrgUnitId`, the same role in every
 * member account through a service-managed StackSet on the root OU. Output `ARN` goes
 * into the Insights connection panel; the external ID is given at deploy time.
 */
export class InsightsAwsConnectorStack extends Stack {
  readonly role: InsightsReadOnlyRole;

  constructor(scope: Construct, id: string, props: InsightsAwsConnectorStackProps) {
    super(scope, id, {
      // The template goes inline with the operator's own credentials: no CDK bootstrap, no deploy role, no bucket.
      synthesizer: new LegacyStackSynthesizer(),
      description: "BeyondTrust Identity Security Insights AWS connector (insights-connectors)",
      // `tags` are stack-level tags too: with @aws-cdk/core:explicitStackTags, Tags.of(stack) reaches resources only.
      ...props,
    });
    checkProps(
      constructLabel("InsightsAwsConnectorStack", this.node.path),
      [
        ["rootOrgUnitId", FIELDS.organization.unwrap().shape.rootOrgUnitId, props.rootOrgUnitId],
        ["tags", FIELDS.tags, props.tags],
      ],
      Token.isUnresolved,
    );
    const { trustedPrincipal, roleName, permissionsBoundaryArn, maxSessionDuration } = props;
    const settings: ConnectorRoleSettings = { trustedPrincipal, roleName, permissionsBoundaryArn, maxSessionDuration };
    const externalId = externalIdParameter(this);

    this.role = connectorRole(this, settings, externalId.valueAsString);

    if (props.rootOrgUnitId !== undefined) {
      this.addMemberAccounts(settings, props.rootOrgUnitId, externalId.valueAsString);
    }

    new CfnOutput(this, "ARN", {
      value: this.role.role.roleArn,
      description: "Paste into the ARN field of the Insights AWS connection panel",
    });
    for (const [key, value] of Object.entries(props.tags ?? {})) Tags.of(this).add(key, value);
  }

  /** The same role in every member account: a service-managed StackSet on the root OU. */
  private addMemberAccounts(settings: ConnectorRoleSettings, rootOrgUnitIdDefault: string, externalId: string): void {
    const rootOrgUnitId = rootOrgUnitIdParameter(this, rootOrgUnitIdDefault);
    new CfnStackSet(this, "MemberAccounts", {
      stackSetName: memberStackSetName(this.stackName),
      description: "BeyondTrust Identity Security Insights read-only role in every member account",
      permissionModel: "SERVICE_MANAGED",
      callAs: "SELF",
      autoDeployment: { enabled: true, retainStacksOnAccountRemoval: false },
      capabilities: ["CAPABILITY_NAMED_IAM"],
      managedExecution: { Active: true },
      operationPreferences: {
        failureToleranceCount: 0,
        maxConcurrentPercentage: 25,
        regionConcurrencyType: "PARALLEL",
      },
      // IAM is global: one region per account is enough.
      stackInstancesGroup: [
        { deploymentTargets: { organizationalUnitIds: [rootOrgUnitId.valueAsString] }, regions: [Aws.REGION] },
      ],
      parameters: [{ parameterKey: "BtConnectorExternalId", parameterValue: externalId }],
      templateBody: JSON.stringify(memberAccountTemplate(settings)),
    });
  }
}

/** The stack of one `aws` connector of a tenant file, named `name`: how the CDK app and `plan` build it. */
export const awsConnectorStack: CdkStackFactory<AwsConnectorConfig> = (app, name, connector) =>
  new InsightsAwsConnectorStack(app, name, { stackName: name, ...awsStackProps(connector) });
