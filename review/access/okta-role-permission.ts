import type { AccessLevel } from "../../connectors/grant";

/**
 * Okta custom admin role permissions that only read: `okta.<resource>[.<sub>].read`, e.g.
 * `okta.iam.read`, `okta.users.read` (developer.okta.com/docs/api/openapi/okta-management/guides/permissions:
 * "the okta.users.read permission grants you access to read Okta user resources";
 * "okta.agents.manage … also includes the okta.agents.read permission").
 * `…manage`, `…create`, `…delete` and every other permission are write.
 */
const READ_PERMISSION = /^okta(?:\.[a-zA-Z]+)+\.read$/;

/** Access of a permission of the custom admin role. */
export function oktaRolePermissionAccess(permission: string): AccessLevel {
  return READ_PERMISSION.test(permission) ? "read" : "write";
}
