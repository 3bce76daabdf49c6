import type { AccessLevel } from "../../connectors/grant";

/**
 * Okta standard admin role types: only `READ_ONLY_ADMIN` ("Read-only Administrator") is
 * read (developer.okta.com/docs/reference/api/roles, "Roles in Okta": standard
 * admin roles and their types); every other type administers something.
 */
export function oktaAdminRoleAccess(type: string): AccessLevel {
  return type === "READ_ONLY_ADMIN" ? "read" : "admin";
}
