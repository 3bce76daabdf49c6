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
 * A grant kind whose name does not decide its access: the level its source records stands
 * (a trust, a StackSet target, a GitHub permission, whose level is not in its name, a product
 * permission, a group membership, a firewall rule).
 */
export const KEEPS_RECORDED_ACCESS = "keeps the recorded access";

/** Every grant kind's way of judging access: a classifier of the grant's name, or its recorded access. */
export type AccessByGrantKind = Readonly<
  Record<GrantKind, ((name: string) => AccessLevel) | typeof KEEPS_RECORDED_ACCESS>
>;

/**
 * How each grant kind's access is judged, placed once per kind of `GRANT_KINDS` (connectors/grant.ts):
 * by the classifier of its name, or by what its source records. A new grant kind fails to
 * compile until it is placed here.
 */
export const CLASSIFIERS = {
  trust: KEEPS_RECORDED_ACCESS,
  "aws-managed-policy": awsManagedPolicyAccess,
  "aws-action": awsActionAccess,
  "aws-stackset-target": KEEPS_RECORDED_ACCESS,
  "graph-app-role": entraAppRoleAccess,
  "office365-app-role": entraAppRoleAccess,
  "azure-rbac-role": azureRbacRoleAccess,
  "gcp-iam-role": gcpIamRoleAccess,
  "gcp-api": gcpApiAccess,
  "okta-scope": oktaScopeAccess,
  "okta-admin-role": oktaAdminRoleAccess,
  "okta-role-permission": oktaRolePermissionAccess,
  "okta-resource-set": KEEPS_RECORDED_ACCESS,
  "pingone-role": pingoneRoleAccess,
  "github-app-permission": KEEPS_RECORDED_ACCESS,
  "product-permission": KEEPS_RECORDED_ACCESS,
  "directory-membership": KEEPS_RECORDED_ACCESS,
  "network-allow": KEEPS_RECORDED_ACCESS,
} as const satisfies AccessByGrantKind;

/** The catalog lists its access levels from least to most: that order is the rank. */
const rank = (access: AccessLevel) => ACCESS_LEVELS.indexOf(access);

/**
 * The stricter of a grant's recorded access and what today's classifier makes of its
 * name: a plan file written by an older version, or edited, cannot call `Mail.Send` read.
 */
export function stricterAccess(kind: GrantKind, name: string, recorded: AccessLevel): AccessLevel {
  // A plan file from elsewhere may name a kind this version does not know: its recorded access stands.
  const classifier = Object.hasOwn(CLASSIFIERS, kind) ? CLASSIFIERS[kind] : KEEPS_RECORDED_ACCESS;
  const classified = classifier === KEEPS_RECORDED_ACCESS ? recorded : classifier(name);
  return rank(classified) > rank(recorded) ? classified : recorded;
}
