import { Duration, Token, Validations } from "aws-cdk-lib";
import { ArnPrincipal, ManagedPolicy, PolicyDocument, PolicyStatement, Role } from "aws-cdk-lib/aws-iam";
import { Construct } from "constructs";
import { awsConnectorConfig } from "../../connectors/aws/config";
import { SECURITY_AUDIT_POLICY_ARN } from "../../connectors/aws/grants";
import { checkProps, constructLabel } from "../construct-props";
import { externalIdValue } from "./parameters";
import { insightsRolePolicies } from "./role-policies";

const FIELDS = awsConnectorConfig.shape;
/** The catalog's defaults, so the construct and a tenant entry without the field agree. */
const DEFAULT_ROLE_NAME = FIELDS.roleName.parse(undefined);
const DEFAULT_MAX_SESSION_SECONDS = FIELDS.maxSessionDurationSeconds.parse(undefined);

/** Properties of {@link InsightsReadOnlyRole}. */
export interface InsightsReadOnlyRoleProps {
  /**
   * The principal Insights assumes the role from: the ARN in the Insights "Add an AWS
   * Connector" CloudFormation template, e.g. `arn:aws:iam::123456789012:root`.
   */
  readonly trustedPrincipal: string;
  /**
   * The external ID shown in the Insights connection panel, required in the trust policy.
   * Pass a NoEcho `CfnParameter`'s value so the ID stays out of the template.
   */
  readonly externalId: string;
  /**
   * Name of the role; the same name in every account of an organization.
   * @default "BeyondTrustInsightsReadOnly"
   */
  readonly roleName?: string;
  /**
   * ARN of a managed policy set as the role's permissions boundary.
   * @default - no permissions boundary
   */
  readonly permissionsBoundaryArn?: string;
  /**
   * Longest session Insights can request: 1 to 12 hours.
   * @default Duration.hours(1)
   */
  readonly maxSessionDuration?: Duration;
}

/**
 * The read-only IAM role Identity Security Insights assumes: trust to the Insights
 * principal only with the external ID, the AWS-managed SecurityAudit policy, and an
 * inline policy of the exact read actions SecurityAudit lacks. Every permission comes
 * from the catalog; the props only name and bound the role.
 */
export class InsightsReadOnlyRole extends Construct {
  readonly role: Role;

  constructor(scope: Construct, id: string, props: InsightsReadOnlyRoleProps) {
    super(scope, id);
    checkRoleProps(constructLabel("InsightsReadOnlyRole", this.node.path), props);
    const policies = insightsRolePolicies();
    const managedPolicies = policies.managedPolicyArns.map((arn, i) =>
      ManagedPolicy.fromManagedPolicyArn(this, `Managed${i}`, arn),
    );

    this.role = new Role(this, "Role", {
      roleName: props.roleName ?? DEFAULT_ROLE_NAME,
      description: "Read-only access for BeyondTrust Identity Security Insights",
      assumedBy: new ArnPrincipal(props.trustedPrincipal).withConditions({
        StringEquals: { "sts:ExternalId": props.externalId },
      }),
      managedPolicies,
      permissionsBoundary: props.permissionsBoundaryArn
        ? ManagedPolicy.fromManagedPolicyArn(this, "Boundary", props.permissionsBoundaryArn)
        : undefined,
      maxSessionDuration: props.maxSessionDuration ?? Duration.seconds(DEFAULT_MAX_SESSION_SECONDS),
      inlinePolicies: {
        IdentityReadOnly: new PolicyDocument({
          // The catalog's actions (identity-store DescribeUser/DescribeGroup) do take
          // resources: the Identitystore, User and Group ARNs (Service Authorization
          // Reference). The store's ID is not known at deploy time, and those are the only
          // resource types these actions accept, so "*" grants exactly what
          // identitystore/*, user/* and group/* would.
          statements: [new PolicyStatement({ sid: "IdentityReadOnly", actions: policies.actions, resources: ["*"] })],
        }),
      },
    });

    // Each acknowledgement names one finding, so a new managed policy or a new wildcard still fails synth.
    Validations.of(this.role).acknowledge(
      {
        id: `AwsSolutions::AwsSolutions-IAM4[Policy::${SECURITY_AUDIT_POLICY_ARN}]`,
        reason:
          "SecurityAudit is the AWS-maintained read-only audit policy (this toolkit's choice; the guide " +
          "names no policy); AWS keeps it current as services change",
      },
      {
        id: "AwsSolutions::AwsSolutions-IAM5[Resource::*]",
        reason:
          "the inline policy lists exact Read-level identity-store Describe actions; the store's ID is " +
          "unknown at deploy time and their only resource types are the store, its users and groups",
      },
    );
  }
}

/**
 * Literal props pass the tenant file's own field checks; tokens are left to CloudFormation.
 * A missing required prop (plain JavaScript callers) is checked as an empty string.
 */
function checkRoleProps(label: string, props: InsightsReadOnlyRoleProps): void {
  checkProps(
    label,
    [
      ["trustedPrincipal", FIELDS.trustedPrincipal, props.trustedPrincipal ?? ""],
      ["externalId", externalIdValue, props.externalId ?? ""],
      ["roleName", FIELDS.roleName, props.roleName],
      ["permissionsBoundaryArn", FIELDS.permissionsBoundary, props.permissionsBoundaryArn],
      ["maxSessionDuration", FIELDS.maxSessionDurationSeconds, props.maxSessionDuration?.toSeconds()],
    ],
    Token.isUnresolved,
  );
}
