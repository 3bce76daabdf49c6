/**
 * PingOne's built-in "Read Only" admin roles, spelled exactly as the provider's `pingone_role`
 * data source takes them: pingidentity/terraform-provider-pingone, docs/data-sources/role.md
 * (`name` options), commit cef5208af78019b95a0146818839f63237659b4e.
 */
export const PINGONE_READ_ONLY_ROLES = [
  "Identity Data Read Only",
  "Configuration Read Only",
  "DaVinci Admin Read Only",
] as const;
export type PingOneReadOnlyRole = (typeof PINGONE_READ_ONLY_ROLES)[number];

/**
 * Read Only roles PingOne refuses to assign to a worker app. PingOne Platform API, "Built-in
 * Admin Roles" (https://developer.pingidentity.com/pingone-api/platform/roles/predefined-roles.html):
 * "Currently, you're not able to assign the DaVinci Admin and DaVinci Read-Only Admin roles to a
 * Worker app." The provider's own acceptance tests assign DaVinci Admin Read Only to users only
 * (internal/service/base/resource_user_role_assignment_test.go), never to an application.
 */
export const NOT_ASSIGNABLE_TO_WORKER_APP: Readonly<Partial<Record<PingOneReadOnlyRole, string>>> = {
  "DaVinci Admin Read Only":
    "PingOne cannot assign DaVinci roles to a worker app (PingOne Platform API, Built-in Admin Roles); " +
    "the apply would fail on this role",
};

/**
 * The guide's "search Read Only, Select All": every built-in Read Only role a worker app can
 * hold. DaVinci Admin Read Only is a Read Only role too, but PingOne does not offer it to
 * worker apps (above), so Select All on the worker app's Roles tab cannot include it either.
 */
export const DEFAULT_PINGONE_ROLES = PINGONE_READ_ONLY_ROLES.filter((role) => !(role in NOT_ASSIGNABLE_TO_WORKER_APP));
