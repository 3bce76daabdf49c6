import { VENDOR_DOCS } from "../origins";

/**
 * Identity read actions the AWS managed SecurityAudit policy does not grant by exact
 * name, for IAM Identity Center, the identity store, Organizations and IAM Access
 * Analyzer. Exact action names only: no wildcard, no write.
 */
export const IDENTITY_READ_ACTIONS: Readonly<Record<string, readonly string[]>> = {
  "IAM Identity Center": [
    "sso:DescribeInstance",
    "sso:DescribePermissionSet",
    "sso:GetInlinePolicyForPermissionSet",
    "sso:GetPermissionsBoundaryForPermissionSet",
    "sso:ListAccountAssignments",
    "sso:ListAccountsForProvisionedPermissionSet",
    "sso:ListCustomerManagedPolicyReferencesInPermissionSet",
    "sso:ListInstances",
    "sso:ListManagedPoliciesInPermissionSet",
    "sso:ListPermissionSets",
    "sso:ListPermissionSetsProvisionedToAccount",
  ],
  "Identity Store": [
    "identitystore:DescribeGroup",
    "identitystore:DescribeUser",
    "identitystore:ListGroupMemberships",
    "identitystore:ListGroupMembershipsForMember",
    "identitystore:ListGroups",
    "identitystore:ListUsers",
  ],
  "AWS Organizations": [
    "organizations:DescribeOrganization",
    "organizations:DescribePolicy",
    "organizations:ListAccounts",
    "organizations:ListAccountsForParent",
    "organizations:ListDelegatedAdministrators",
    "organizations:ListOrganizationalUnitsForParent",
    "organizations:ListPolicies",
    "organizations:ListPoliciesForTarget",
    "organizations:ListRoots",
    "organizations:ListTargetsForPolicy",
  ],
  "IAM Access Analyzer": [
    "access-analyzer:GetFinding",
    "access-analyzer:ListAnalyzers",
    "access-analyzer:ListFindings",
  ],
};

/** Origin of an action: the service's page of the AWS Service Authorization Reference. */
export function readActionOrigin(service: string): string {
  return `AWS Service Authorization Reference, ${service} (read actions): ${VENDOR_DOCS.awsServiceAuthorization}`;
}
