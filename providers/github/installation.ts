import type { SecretValue } from "../../values/secret-value";
import { printable } from "../text/printable";
import { GithubFlowError, InstallationTimeoutError } from "./errors";
import { appOctokit, type GithubClient, type GithubHttpPolicy } from "./octokit";

export interface OrgInstallation {
  readonly installationId: number;
  /** Permissions the organization granted, e.g. `{ members: "read" }`. */
  readonly permissions: Record<string, string>;
}

/** The app, signed in with its key, and the organization it belongs on. */
export interface AppOnOrganization {
  readonly apiUrl: string;
  readonly appId: number;
  readonly pem: SecretValue;
  readonly organization: string;
  /** @default DEFAULT_GITHUB_HTTP_POLICY */
  readonly http?: GithubHttpPolicy;
}

export interface WaitForInstallationOptions extends AppOnOrganization {
  readonly timeoutMs: number;
  readonly pollMs: number;
  /** A progress line before each wait (the wait can last minutes); never a credential. */
  readonly onProgress: (message: string) => void;
}

export function clientFor(app: AppOnOrganization): GithubClient {
  return appOctokit(app.apiUrl, app.appId, app.pem, app.http);
}

/** GET /orgs/{org}/installation as the app; `undefined` while there is none. */
export async function findOrgInstallation(
  client: GithubClient,
  organization: string,
): Promise<OrgInstallation | undefined> {
  try {
    const { data } = await client.rest.apps.getOrgInstallation({ org: organization });
    return { installationId: data.id, permissions: { ...(data.permissions as Record<string, string>) } };
  } catch (error) {
    if ((error as { status?: number }).status === 404) return undefined;
    const reason = printable((error as Error).message);
    throw new GithubFlowError(`looking up the app's installation on ${organization} failed: ${reason}`);
  }
}

/** Polls until an owner of the organization has installed the app, or the timeout passes. */
export async function waitForOrgInstallation(options: WaitForInstallationOptions): Promise<OrgInstallation> {
  const client = clientFor(options);
  const started = Date.now();
  const limit = Math.round(options.timeoutMs / 1000);
  for (;;) {
    const installation = await findOrgInstallation(client, options.organization);
    if (installation) return installation;
    const elapsed = Date.now() - started;
    if (elapsed + options.pollMs > options.timeoutMs) {
      throw new InstallationTimeoutError(
        `the app is not installed on ${options.organization} after ${Math.round(elapsed / 1000)} s; ` +
          "its key is saved, and an organization owner can still install it",
      );
    }
    const waited = Math.round(elapsed / 1000);
    options.onProgress(`waiting for the installation on ${options.organization}… ${waited} s of ${limit} s`);
    await new Promise((resolve) => setTimeout(resolve, options.pollMs));
  }
}

/** Where Insights' "Installed GitHub App URL" points. */
export function installedAppUrl(webUrl: string, organization: string, installationId: number): string {
  return `${webUrl}/organizations/${organization}/settings/installations/${installationId}`;
}
