import type { AccessLevel } from "../../connectors/grant";

/**
 * PingOne built-in roles that only read, exactly as the `pingone_role` data source names
 * them (pingidentity/terraform-provider-pingone, docs/data-sources/role.md, commit
 * cef5208af78019b95a0146818839f63237659b4e). A name merely ending in "Read Only" is not
 * enough: a custom role can be called anything.
 */
const READ_ONLY_ROLES = new Set(["Configuration Read Only", "DaVinci Admin Read Only", "Identity Data Read Only"]);

/** Access of a role assigned to the worker application. */
export function pingoneRoleAccess(role: string): AccessLevel {
  return READ_ONLY_ROLES.has(role) ? "read" : "admin";
}
