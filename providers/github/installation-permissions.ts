import { printable } from "../text/printable";
import { GithubFlowError } from "./errors";
import type { OrgInstallation } from "./installation";
import type { GithubClient } from "./octokit";
import { comparePermissions, type PermissionReport } from "./permission-report";

/** Reads what the app itself requests (GET /app) and compares it and the installation's grants with `expected`. */
export async function permissionReport(
  client: GithubClient,
  installation: OrgInstallation,
  expected: Readonly<Record<string, "read">>,
): Promise<PermissionReport> {
  let requested: Record<string, string>;
  try {
    const { data } = await client.rest.apps.getAuthenticated();
    requested = { ...((data?.permissions ?? {}) as Record<string, string>) };
  } catch (error) {
    throw new GithubFlowError(`reading the app's own permissions failed: ${printable((error as Error).message)}`);
  }
  return comparePermissions(expected, installation.permissions, requested);
}
