import type { AccessLevel } from "../../connectors/grant";

/**
 * Azure built-in roles that only read. Reader: "View all resources, but does not allow you
 * to make any changes", its only action reading every resource type (learn.microsoft.com,
 * "Azure built-in roles for General", role acdd72a7-3385-48ef-bd42-f606fba81ae7); Security Reader: "View
 * permissions for Microsoft Defender for Cloud" ("Azure built-in roles for Security").
 * A custom role, or a role assigned only by ID, is never read.
 */
const READ_ROLES = new Set(["Reader", "Security Reader"]);
const ADMIN_ROLES = new Set(["Owner", "User Access Administrator", "Role Based Access Control Administrator"]);

/** Access of an Azure role assignment by the role's name. */
export function azureRbacRoleAccess(roleName: string | undefined): AccessLevel {
  if (roleName !== undefined && READ_ROLES.has(roleName)) return "read";
  return roleName !== undefined && ADMIN_ROLES.has(roleName) ? "admin" : "write";
}
