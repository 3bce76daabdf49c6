import { printable } from "../../text/printable";
import { startManifestFlowServer } from "./callback-server";
import { convertManifestCode, type CreatedGithubApp } from "./conversion";
import type { GithubAppBlueprint, GithubAppHandoff } from "./manifest";

export type { GithubAppHandoff } from "./manifest";
import { DEFAULT_GITHUB_HTTP_POLICY, type GithubHttpPolicy } from "../octokit";
import { completeInstallation, type CompletedInstallation } from "./resume";

/** Where the app's credentials go: the registration stage, or a file the user named. */
export interface CreateGithubAppOptions {
  readonly handoff: GithubAppHandoff;
  /** Instructions for the person at the terminal; never a credential. */
  readonly say: (line: string) => void;
  /** Progress of the installation wait, which can last minutes. @default say */
  readonly onProgress?: (message: string) => void;
  /** Called with the local page once it is served (a browser opener, or a test's headless browser). */
  readonly onPageReady?: (pageUrl: string) => void | Promise<void>;
  readonly callbackTimeoutMs: number;
  readonly installTimeoutMs: number;
  readonly pollMs: number;
  /** Limits of each call to GitHub. @default DEFAULT_GITHUB_HTTP_POLICY */
  readonly http?: Partial<GithubHttpPolicy>;
}

export type CreatedAndInstalled = CompletedInstallation;

/**
 * The guide's "Configure a New GitHub App" through GitHub's manifest flow: serve the
 * manifest page, take GitHub's redirect, convert the code, hand the credentials off,
 * wait for the organization installation, and compare its permissions with the blueprint's.
 */
export async function createGithubApp(
  blueprint: GithubAppBlueprint,
  options: CreateGithubAppOptions,
): Promise<CreatedAndInstalled> {
  const { webUrl, apiUrl, organization, permissions } = blueprint;
  const http = { ...DEFAULT_GITHUB_HTTP_POLICY, ...options.http };
  const newAppForm = `${webUrl}/organizations/${organization}/settings/apps/new`;
  const server = await startManifestFlowServer<CreatedGithubApp>({
    manifest: blueprint.manifest,
    formAction: (state) => `${newAppForm}?state=${encodeURIComponent(state)}`,
    timeoutMs: options.callbackTimeoutMs,
    // The key is saved before the browser hears "created": it cannot be downloaded again.
    accept: async (code) => {
      const app = await convertManifestCode(apiUrl, code, organization, http);
      await options.handoff.appCreated(app);
      return app;
    },
    onRejected: (error) => options.say(error.message),
  });
  try {
    const who = `signed in to ${webUrl} as an owner of ${organization}`;
    options.say(`Open ${server.pageUrl} in a browser ${who}, and confirm the new app.`);
    await options.onPageReady?.(server.pageUrl);
    const app = await server.result;
    const installLink = printable(`${app.htmlUrl}/installations/new`);
    const created = `Created the GitHub App "${printable(app.slug)}".`;
    options.say(`${created} Install it on ${organization} (all repositories): ${installLink}`);

    const target = { webUrl, apiUrl, permissions, appId: app.appId, pem: app.pem, organization, http };
    const completed = await completeInstallation(
      target,
      (installedAppUrl) => options.handoff.appInstalled({ appId: app.appId, installedAppUrl }),
      { timeoutMs: options.installTimeoutMs, pollMs: options.pollMs, onProgress: options.onProgress ?? options.say },
    );
    options.say(`Installed: ${completed.installedAppUrl}`);
    return completed;
  } finally {
    server.close();
  }
}
