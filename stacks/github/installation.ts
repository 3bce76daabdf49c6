import type { SecretValue } from "../../config/secret-value";
import { GithubFlowError } from "./errors";
import { appOctokit } from "./octokit";

export interface OrgInstallation {
  readonly installationId: number;
  /** Permissions the organization granted, e.g. `{ members: "read" }`. */
  readonly permissions: Record<string, string>;
}

export interface WaitForInstallationOptions {
  readonly apiUrl: string;
  readonly appId: number;
  readonly pem: SecretValue;
  readonly organization: string;
  readonly timeoutMs: number;
  readonly pollMs: number;
  /** Called before each wait with the seconds elapsed, for a progress line. */
  readonly onWaiting: (elapsedSeconds: number) => void;
}

/** GET /orgs/{org}/installation as the app; `undefined` while there is none. */
export async function findOrgInstallation(apiUrl: string, appId: number, pem: SecretValue, organization: string): Promise<OrgInstallation | undefined> {
  try {
    const { data } = await appOctokit(apiUrl, appId, pem).rest.apps.getOrgInstallation({ org: organization });
    return { installationId: data.id, permissions: { ...(data.permissions as Record<string, string>) } };
  } catch (error) {
    if ((error as { status?: number }).status === 404) return undefined;
    throw new GithubFlowError(`looking up the app's installation on ${organization} failed: ${(error as Error).message}`);
  }
}

/** Polls until an owner of the organization has installed the app, or the timeout passes. */
export async function waitForOrgInstallation(options: WaitForInstallationOptions): Promise<OrgInstallation> {
  const started = Date.now();
  for (;;) {
    const installation = await findOrgInstallation(options.apiUrl, options.appId, options.pem, options.organization);
    if (installation) return installation;
    const elapsed = Date.now() - started;
    if (elapsed + options.pollMs > options.timeoutMs) {
      throw new GithubFlowError(
        `the app is not installed on ${options.organization} after ${Math.round(elapsed / 1000)} s. ` +
          "Install it from the link above (an organization owner must approve), then run `github verify` with the same credentials file.",
      );
    }
    options.onWaiting(Math.round(elapsed / 1000));
    await new Promise((resolve) => setTimeout(resolve, options.pollMs));
  }
}

/** Where Insights' "Installed GitHub App URL" points. */
export function installedAppUrl(webUrl: string, organization: string, installationId: number): string {
  return `${webUrl}/organizations/${organization}/settings/installations/${installationId}`;
}
