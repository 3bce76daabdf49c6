import type { AccessLevel } from "../../connectors/grant";

/**
 * Okta custom admin role permissions that only read: `okta.<resource>[.<sub>].read`, e.g.
 * `okta.iam.read`, `okta.users.read` (developer.okta.com, Roles API "Permissions" table).
 * `…manage`, `…create`, `…delete` and every other permission are write.
 */
const READ_PERMISSION = /^okta(?:\.[a-zA-Z]+)+\.read$/;

/** Access of a permission of the custom admin role. */
export function oktaRolePermissionAccess(permission: string): AccessLevel {
  return READ_PERMISSION.test(permission) ? "read" : "write";
}
