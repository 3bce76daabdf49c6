import type { AccessLevel } from "../../connectors/grant";

/**
 * AWS managed policies that only read, by ARN. An AWS managed policy's ARN is
 * `arn:<partition>:iam::aws:policy/<path><name>` (AWS Managed Policy Reference Guide);
 * a customer policy of the same name has an account ID instead of `aws` and is not read.
 * SecurityAudit and ReadOnlyAccess: "read-only access"; ViewOnlyAccess is a job-function
 * policy (IAM User Guide, "AWS managed policies for job functions").
 */
const READ_ONLY_POLICIES = new Set(["SecurityAudit", "ReadOnlyAccess", "job-function/ViewOnlyAccess"]);
const AWS_MANAGED = /^arn:aws(?:-cn|-us-gov)?:iam::aws:policy\/(.+)$/;

/** Access of a managed policy attached to a role: read only if allow-listed; AdministratorAccess is admin. */
export function awsManagedPolicyAccess(arn: string): AccessLevel {
  const name = AWS_MANAGED.exec(arn)?.[1];
  if (name === "AdministratorAccess") return "admin";
  return name !== undefined && READ_ONLY_POLICIES.has(name) ? "read" : "write";
}
