import { githubUrls, type GithubConnectorConfig } from "../../connectors/github/config";
import type { SecretValue } from "../../config/secret-value";
import { startManifestFlowServer } from "./callback-server";
import { convertManifestCode } from "./conversion";
import { installedAppUrl, waitForOrgInstallation } from "./installation";
import { githubAppManifest } from "./manifest";
import type { PermissionReport } from "./permission-report";
import { verifyInstallation } from "./verify";

/** Where the app's credentials go: the registration stage, or a file the user named. */
export interface GithubAppHandoff {
  /** Right after the conversion, before anything else can fail: the PEM cannot be downloaded again. */
  appCreated(app: { appId: number; slug: string; pem: SecretValue }): Promise<void> | void;
  /** Once the organization installation exists. */
  appInstalled(details: { appId: number; installedAppUrl: string }): Promise<void> | void;
}

export interface CreateGithubAppOptions {
  readonly handoff: GithubAppHandoff;
  /** Progress and instructions for the person at the terminal; never a credential. */
  readonly say: (line: string) => void;
  /** Called with the local page once it is served (a browser opener, or a test's headless browser). */
  readonly onPageReady?: (pageUrl: string) => void | Promise<void>;
  readonly callbackTimeoutMs: number;
  readonly installTimeoutMs: number;
  readonly pollMs: number;
}

export interface CreatedAndInstalled {
  readonly installedAppUrl: string;
  readonly report: PermissionReport;
}

/**
 * The guide's "Configure a New GitHub App" through GitHub's manifest flow: serve the
 * manifest page, take GitHub's redirect, convert the code, hand the credentials off,
 * wait for the organization installation, and compare its permissions with the catalog.
 */
export async function createGithubApp(connector: GithubConnectorConfig, options: CreateGithubAppOptions): Promise<CreatedAndInstalled> {
  const { webUrl, apiUrl } = githubUrls(connector);
  const organization = connector.organization;
  const server = await startManifestFlowServer({
    manifest: (redirectUrl) => githubAppManifest(connector, redirectUrl),
    formAction: (state) => `${webUrl}/organizations/${organization}/settings/apps/new?state=${encodeURIComponent(state)}`,
    timeoutMs: options.callbackTimeoutMs,
  });
  try {
    options.say(`Open ${server.pageUrl} in a browser signed in to ${webUrl} as an owner of ${organization}, and confirm the new app.`);
    await options.onPageReady?.(server.pageUrl);
    const code = await server.code;
    const app = await convertManifestCode(apiUrl, code);
    await options.handoff.appCreated(app);
    options.say(`Created the GitHub App "${app.slug}". Install it on ${organization} (all repositories): ${app.htmlUrl}/installations/new`);

    const installation = await waitForOrgInstallation({
      apiUrl,
      appId: app.appId,
      pem: app.pem,
      organization,
      timeoutMs: options.installTimeoutMs,
      pollMs: options.pollMs,
      onWaiting: (elapsed) => options.say(`waiting for the installation on ${organization}… ${elapsed} s`),
    });
    const url = installedAppUrl(webUrl, organization, installation.installationId);
    await options.handoff.appInstalled({ appId: app.appId, installedAppUrl: url });
    options.say(`Installed: ${url}`);
    const { report } = await verifyInstallation({ apiUrl, appId: app.appId, pem: app.pem, organization });
    return { installedAppUrl: url, report };
  } finally {
    server.close();
  }
}
