import type { AccessLevel } from "../../connectors/grant";

/**
 * GCP predefined roles that only read. Predefined roles are named `roles/SERVICE.IDENTIFIER`
 * and custom roles `projects/…/roles/…` or `organizations/…/roles/…` (Google Cloud IAM,
 * "Roles overview"); the basic Viewer role is "permissions for read-only actions that don't
 * affect state" ("Understanding roles"), and the services name their read-only roles
 * `viewer` or `…Viewer`; `roles/iam.securityReviewer` reads IAM policies. A custom role is
 * never read, whatever its name.
 */
const SERVICE_VIEWER = String.raw`[a-z][a-zA-Z0-9]*\.(?:viewer|[a-z][a-zA-Z0-9]*Viewer)`;
const READ_ROLE = new RegExp(`^roles/(?:viewer|browser|iam\\.securityReviewer|${SERVICE_VIEWER})$`);
const ADMIN_ROLE = /^roles\/(?:owner|[a-z][a-zA-Z0-9]*\.(?:admin|[a-z][a-zA-Z0-9]*Admin))$/;

/** Access of an IAM role granted to the connector's service account. */
export function gcpIamRoleAccess(role: string): AccessLevel {
  if (READ_ROLE.test(role)) return "read";
  return ADMIN_ROLE.test(role) ? "admin" : "write";
}
