import { recordInstalledAppUrl, readCredentialsFile } from "../credentials-file";
import { GithubFlowError } from "../errors";
import {
  clientFor,
  findOrgInstallation,
  installedAppUrl,
  waitForOrgInstallation,
  type AppOnOrganization,
} from "../installation";
import { DEFAULT_GITHUB_HTTP_POLICY, type GithubHttpPolicy } from "../octokit";
import type { PermissionReport } from "../permission-report";
import { permissionReport } from "../installation-permissions";
import type { GithubAppTarget } from "./manifest";

export interface InstallationWait {
  readonly timeoutMs: number;
  readonly pollMs: number;
  /** A progress line before each wait; never a credential. */
  readonly onProgress: (message: string) => void;
}

export interface CompletedInstallation {
  readonly installedAppUrl: string;
  readonly report: PermissionReport;
}

/**
 * The tail of the flow, shared by create-app, resume and verify: find the organization
 * installation (waiting for it, when `wait` is given), hand its URL to `record` before
 * anything else can fail, then compare its permissions with the ones it must have.
 */
export async function completeInstallation(
  app: AppOnOrganization & Pick<GithubAppTarget, "webUrl" | "permissions">,
  record: (installedAppUrl: string) => Promise<void> | void,
  wait?: InstallationWait,
): Promise<CompletedInstallation> {
  const client = clientFor(app);
  const installation = wait
    ? await waitForOrgInstallation({ ...app, ...wait })
    : await findOrgInstallation(client, app.organization);
  if (!installation) {
    throw new GithubFlowError(`the app is not installed on ${app.organization}; install it, then verify again`);
  }
  const url = installedAppUrl(app.webUrl, app.organization, installation.installationId);
  await record(url);
  return { installedAppUrl: url, report: await permissionReport(client, installation, app.permissions) };
}

export interface ResumeOptions {
  /** Wait for the installation like create-app; without it, one look. */
  readonly wait?: InstallationWait;
  /** @default DEFAULT_GITHUB_HTTP_POLICY */
  readonly http?: GithubHttpPolicy;
}

/**
 * Picks up an app create-app left behind (its installation wait ran out, or the app was
 * installed again since): finds the installation, completes the credentials file with
 * `installedAppUrl`, which registration needs, and checks the permissions.
 */
export async function resumeGithubApp(
  target: GithubAppTarget,
  credentialsPath: string,
  options: ResumeOptions = {},
): Promise<CompletedInstallation & { readonly recorded: boolean }> {
  const credentials = readCredentialsFile(credentialsPath);
  const app = {
    ...target,
    appId: credentials.appId,
    pem: credentials.pem,
    http: options.http ?? DEFAULT_GITHUB_HTTP_POLICY,
  };
  let recorded = false;
  const completed = await completeInstallation(
    app,
    (url) => {
      if (url === credentials.installedAppUrl) return;
      recordInstalledAppUrl(credentialsPath, url);
      recorded = true;
    },
    options.wait,
  );
  return { ...completed, recorded };
}
