import { Duration, Validations } from "aws-cdk-lib";
import { ArnPrincipal, ManagedPolicy, PolicyDocument, PolicyStatement, Role } from "aws-cdk-lib/aws-iam";
import { Construct } from "constructs";
import { SECURITY_AUDIT_POLICY_ARN } from "../../connectors/aws/grants";
import type { Grant } from "../../connectors/grant";

/** Properties of {@link InsightsReadOnlyRole}. */
export interface InsightsReadOnlyRoleProps {
  /** The principal Insights assumes the role from (from the Insights CloudFormation template). */
  readonly trustedPrincipal: string;
  /** The external ID shown in the Insights connection panel; usually a NoEcho parameter's value. */
  readonly externalId: string;
  /** The catalog's grants for this connector (`aws` kind): managed policies and read actions. */
  readonly grants: readonly Grant[];
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
   * Longest session Insights can request.
   * @default Duration.hours(1)
   */
  readonly maxSessionDuration?: Duration;
}

/**
 * The read-only IAM role Identity Security Insights assumes: trust to the Insights
 * principal only with the external ID, the AWS-managed SecurityAudit policy, and an
 * inline policy of the exact read actions SecurityAudit lacks. Every permission comes
 * from the catalog.
 */
export class InsightsReadOnlyRole extends Construct {
  readonly role: Role;

  constructor(scope: Construct, id: string, props: InsightsReadOnlyRoleProps) {
    super(scope, id);
    const managedPolicies = props.grants
      .filter((g) => g.kind === "aws-managed-policy")
      .map((g, i) => ManagedPolicy.fromManagedPolicyArn(this, `Managed${i}`, g.name));
    const actions = props.grants.filter((g) => g.kind === "aws-action").map((g) => g.name);

    this.role = new Role(this, "Role", {
      roleName: props.roleName ?? "BeyondTrustInsightsReadOnly",
      description: "Read-only access for BeyondTrust Identity Security Insights",
      assumedBy: new ArnPrincipal(props.trustedPrincipal).withConditions({
        StringEquals: { "sts:ExternalId": props.externalId },
      }),
      managedPolicies,
      permissionsBoundary: props.permissionsBoundaryArn
        ? ManagedPolicy.fromManagedPolicyArn(this, "Boundary", props.permissionsBoundaryArn)
        : undefined,
      maxSessionDuration: props.maxSessionDuration ?? Duration.hours(1),
      inlinePolicies: {
        IdentityReadOnly: new PolicyDocument({
          // The catalog's actions (identity-store DescribeUser/DescribeGroup) do take
          // resources: the Identitystore, User and Group ARNs (Service Authorization
          // Reference). The store's ID is not known at deploy time, and those are the only
          // resource types these actions accept, so "*" grants exactly what
          // identitystore/*, user/* and group/* would.
          statements: [new PolicyStatement({ sid: "IdentityReadOnly", actions, resources: ["*"] })],
        }),
      },
    });

    // Each acknowledgement names one finding, so a new managed policy or a new wildcard still fails synth.
    Validations.of(this.role).acknowledge(
      {
        id: `AwsSolutions::AwsSolutions-IAM4[Policy::${SECURITY_AUDIT_POLICY_ARN}]`,
        reason: "SecurityAudit is the AWS-maintained read-only audit policy (this toolkit's choice; the guide " +
          "names no policy); AWS keeps it current as services change",
      },
      {
        id: "AwsSolutions::AwsSolutions-IAM5[Resource::*]",
        reason: "the inline policy lists exact Read-level identity-store Describe actions; the store's ID is " +
          "unknown at deploy time and their only resource types are the store, its users and groups",
      },
    );
  }
}
