import type { AccessLevel } from "../../connectors/grant";

/**
 * Operations of a Microsoft Graph or Office 365 Management API permission that only read.
 * Names follow `resource.operation.constraint` (Microsoft Graph permissions reference,
 * "Microsoft Graph permission names": microsoftgraph/microsoft-graph-docs-contrib,
 * concepts/permissions-reference.md, commit f3102d3960bbd2415332e27b3b69dcd600d46fd4),
 * e.g. `User.Read.All`, `User.ReadBasic.All`, `TeamsAppInstallation.ReadForUser.All`;
 * the Office 365 Management APIs use the same form (`ActivityFeed.Read`). Every other
 * operation, `ReadWrite`, `Send` (`Mail.Send`), `Invite`, `Manage`, `Selected`, is write.
 */
const READ_OPERATIONS = new Set(["Read", "ReadBasic", "ReadForUser", "ReadForTeam", "ReadForChat"]);
/** Operations that hand over control of a whole resource or act as any user. */
const ADMIN_OPERATIONS = new Set(["FullControl", "AccessAsUser"]);

/** Access of an application permission (app role) by its value, e.g. `Sites.FullControl.All` → admin. */
export function entraAppRoleAccess(permission: string): AccessLevel {
  const [resource, operation] = permission.split(".");
  if (!resource || operation === undefined) return "write";
  if (ADMIN_OPERATIONS.has(operation)) return "admin";
  return READ_OPERATIONS.has(operation) ? "read" : "write";
}
