import type { Grant } from "../grant";
import { guide, VENDOR_DOCS } from "../origins";
import type { AwsConnectorConfig } from "./config";
import { IDENTITY_READ_ACTIONS, readActionOrigin } from "./read-actions";

const SECTION = "Add an AWS Connector";

/** The AWS-managed read-only audit policy the role carries. */
export const SECURITY_AUDIT_POLICY_ARN = "arn:aws:iam::aws:policy/SecurityAudit";

/**
 * Why the role carries SecurityAudit. The guide only says the Insights template "creates
 * an IAM role and policy" and publishes neither, so the choice is this toolkit's: AWS's
 * own read-only audit policy, kept current by AWS as services change.
 */
const SECURITY_AUDIT_ORIGIN =
  `${VENDOR_DOCS.awsSecurityAudit} (chosen here: the guide's "${SECTION}" template ` +
  `"creates an IAM role and policy" without naming them)`;

/** Scope of every grant: the one account, or every account under the root OU. */
export function awsScope(config: AwsConnectorConfig): string {
  return config.organization
    ? `aws-organization:${config.organization.rootOrgUnitId}`
    : `aws-account:${config.managementAccountId}`;
}

export function awsGrants(config: AwsConnectorConfig): Grant[] {
  const scope = awsScope(config);
  const base = { source: "aws", scope } as const;
  const grants: Grant[] = [
    {
      ...base,
      kind: "trust",
      name: config.trustedPrincipal,
      access: "read",
      condition: "StringEquals sts:ExternalId",
      origin: guide(`${SECTION} (BtConnectorExternalId)`),
      note:
        `Insights assumes the role only with the external ID shown in its connection panel; ` +
        `the deploy takes it from ${config.externalId} as the BtConnectorExternalId parameter`,
    },
    {
      ...base,
      kind: "aws-managed-policy",
      name: SECURITY_AUDIT_POLICY_ARN,
      access: "read",
      origin: SECURITY_AUDIT_ORIGIN,
      note: "includes the IAM Identity Center, identity store List*, Organizations and Access Analyzer reads",
    },
  ];
  for (const [service, actions] of Object.entries(IDENTITY_READ_ACTIONS)) {
    for (const action of actions) {
      grants.push({ ...base, kind: "aws-action", name: action, access: "read", origin: readActionOrigin(service) });
    }
  }
  if (config.organization) {
    grants.push({
      ...base,
      kind: "aws-stackset-target",
      name: config.organization.rootOrgUnitId,
      access: "read",
      origin: guide(`${SECTION} (RootOrgUnitId)`),
      note: "SERVICE_MANAGED StackSet with auto-deployment: the same role in every member account",
    });
  }
  return grants;
}
