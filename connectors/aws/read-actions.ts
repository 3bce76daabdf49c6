import { VENDOR_DOCS } from "../origins";

/**
 * Identity read actions the role needs on top of SecurityAudit, by exact name: only
 * what SecurityAudit does not already grant. SecurityAudit (v85, 2026-03-02; excerpt
 * in test/stacks/aws/evidence/) already holds every IAM Identity Center read the
 * connector uses (`sso:DescribeInstance`, `sso:ListPermissionSets`, …), the identity
 * store's `ListUsers`, `ListGroups`, `ListGroupMemberships[ForMember]`, Organizations'
 * `Describe*` and `List*`, and Access Analyzer's `GetFinding`, `ListAnalyzers` and
 * `ListFindings`; repeating them here would only hide which grants are ours.
 *
 * What it lacks is reading one identity-store user or group by ID: account assignments
 * (`sso:ListAccountAssignments`) name their principals by ID only, and
 * `identitystore:DescribeUser`/`DescribeGroup` resolve those IDs. Both are Read-level
 * actions in the Service Authorization Reference.
 */
export const IDENTITY_READ_ACTIONS: Readonly<Record<string, readonly string[]>> = {
  "AWS Identity Store": ["identitystore:DescribeGroup", "identitystore:DescribeUser"],
};

/** Origin of an action: the service's page of the AWS Service Authorization Reference. */
export function readActionOrigin(service: string): string {
  return (
    `AWS Service Authorization Reference, ${service} (Read actions not in SecurityAudit): ` +
    VENDOR_DOCS.awsIdentityStoreActions
  );
}
