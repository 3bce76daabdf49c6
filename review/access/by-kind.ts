import { ACCESS_LEVELS, type AccessLevel, type GrantKind } from "../../connectors/grant";
import { awsActionAccess } from "./aws-action";
import { awsManagedPolicyAccess } from "./aws-managed-policy";
import { azureRbacRoleAccess } from "./azure-rbac-role";
import { entraAppRoleAccess } from "./entra-app-role";
import { gcpApiAccess } from "./gcp-api";
import { gcpIamRoleAccess } from "./gcp-iam-role";
import { oktaAdminRoleAccess } from "./okta-admin-role";
import { oktaRolePermissionAccess } from "./okta-role-permission";
import { oktaScopeAccess } from "./okta-scope";
import { pingoneRoleAccess } from "./pingone-role";

/**
 * The classifier of each grant kind whose name alone decides its access. Kinds not listed
 * (trust, StackSet targets, GitHub permissions, whose level is not in the name, product
 * permissions, …) keep the access their source records.
 */
const CLASSIFIERS: Partial<Record<GrantKind, (name: string) => AccessLevel>> = {
  "aws-action": awsActionAccess,
  "aws-managed-policy": awsManagedPolicyAccess,
  "graph-app-role": entraAppRoleAccess,
  "office365-app-role": entraAppRoleAccess,
  "azure-rbac-role": azureRbacRoleAccess,
  "gcp-iam-role": gcpIamRoleAccess,
  "gcp-api": gcpApiAccess,
  "okta-scope": oktaScopeAccess,
  "okta-role-permission": oktaRolePermissionAccess,
  "okta-admin-role": oktaAdminRoleAccess,
  "pingone-role": pingoneRoleAccess,
};

/** The catalog lists its access levels from least to most: that order is the rank. */
const rank = (access: AccessLevel) => ACCESS_LEVELS.indexOf(access);

/**
 * The stricter of a grant's recorded access and what today's classifier makes of its
 * name: a plan file written by an older version, or edited, cannot call `Mail.Send` read.
 */
export function stricterAccess(kind: GrantKind, name: string, recorded: AccessLevel): AccessLevel {
  const classified = CLASSIFIERS[kind]?.(name) ?? recorded;
  return rank(classified) > rank(recorded) ? classified : recorded;
}
