import type { SecretValue } from "../../config/secret-value";
import { GithubFlowError } from "./errors";
import { findOrgInstallation } from "./installation";
import { manifestPermissions } from "./manifest";
import { appOctokit } from "./octokit";
import { comparePermissions, type PermissionReport } from "./permission-report";

export interface VerifyInstallationOptions {
  readonly apiUrl: string;
  readonly appId: number;
  readonly pem: SecretValue;
  readonly organization: string;
}

/** Reads the app (GET /app) and its organization installation and compares both with the catalog. */
export async function verifyInstallation(options: VerifyInstallationOptions): Promise<{ installationId: number; report: PermissionReport }> {
  const installation = await findOrgInstallation(options.apiUrl, options.appId, options.pem, options.organization);
  if (!installation) {
    throw new GithubFlowError(`the app is not installed on ${options.organization}; install it, then verify again`);
  }
  let requested: Record<string, string>;
  try {
    const { data } = await appOctokit(options.apiUrl, options.appId, options.pem).rest.apps.getAuthenticated();
    requested = { ...((data?.permissions ?? {}) as Record<string, string>) };
  } catch (error) {
    throw new GithubFlowError(`reading the app's own permissions failed: ${(error as Error).message}`);
  }
  return {
    installationId: installation.installationId,
    report: comparePermissions(manifestPermissions(), installation.permissions, requested),
  };
}
