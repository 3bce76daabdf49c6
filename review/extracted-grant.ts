import type { Grant } from "../connectors/grant";

/** A grant as found in an artifact an engine will apply: no origin, but where it was found. */
export type ExtractedGrant = Pick<Grant, "source" | "scope" | "kind" | "name" | "access" | "condition"> & {
  /** File or resource the grant was read from, e.g. `acme-prod-aws.template.json Resources.InsightsRole…`. */
  readonly artifact: string;
};

/** Read-only AWS managed policies; any other managed policy counts as write. */
const READ_ONLY_MANAGED_POLICIES = new Set(["SecurityAudit", "ReadOnlyAccess", "ViewOnlyAccess"]);

/** An IAM action's access level from its verb; wildcards are admin. */
export function awsActionAccess(action: string): Grant["access"] {
  if (action.includes("*")) return "admin";
  return /^[\w-]+:(Get|List|Describe|Search|BatchGet|Lookup|View|Read)/.test(action) ? "read" : "write";
}

export function awsManagedPolicyAccess(arn: string): Grant["access"] {
  const name = arn.split("/").pop() ?? arn;
  if (name === "AdministratorAccess") return "admin";
  return READ_ONLY_MANAGED_POLICIES.has(name) ? "read" : "write";
}
