import { get as httpGet } from "node:http";
import type { GithubConnectorConfig } from "../../../connectors/github/config";
import type { SecretValue } from "../../../values/secret-value";
import type { CreateGithubAppOptions, GithubAppHandoff } from "../../../providers/github/manifest-flow/create-app";
import type { FakeGithub } from "../../fakes/github";
import { VALID } from "../../helpers/config-text";
import { connectorFrom } from "../../stacks/cdktf/helpers";
import { githubAppBlueprint } from "../../../connectors/github/app-manifest";
import type { GithubAppBlueprint } from "../../../providers/github/manifest-flow/manifest";

export function connectorFor(fake: FakeGithub): GithubConnectorConfig {
  return connectorFrom<GithubConnectorConfig>(`${VALID.github}\napiUrl: ${fake.apiUrl}\nwebUrl: ${fake.webUrl}`);
}

/** What the manifest flow takes for the valid GitHub connector pointed at the fake. */
export function blueprintFor(fake: FakeGithub): GithubAppBlueprint {
  return githubAppBlueprint(connectorFor(fake));
}

function unescapeHtml(text: string): string {
  return text
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

function field(html: string, pattern: RegExp, what: string): string {
  const match = pattern.exec(html);
  if (!match) throw new Error(`no ${what} in page:\n${html}`);
  return unescapeHtml(match[1]);
}

export interface ScriptedBrowserOptions {
  /** Change the state in GitHub's redirect, as a forged or stale redirect would. */
  readonly tamperState?: boolean;
  /** Runs once the page was loaded, before GitHub redirects back: another party acting mid-flow. */
  readonly meanwhile?: (flow: { state: string; callbackUrl: string }) => Promise<void>;
  /** Where the browser finds an origin, as a hosts-file entry would: `{ "https://ghe.acme.example": fake.webUrl }`. */
  readonly hosts?: Readonly<Record<string, string>>;
}

/**
 * What a browser does, step by step over HTTP (the real-browser test does the same in
 * chromium): load the local page, post its form to GitHub, confirm, follow the redirect.
 */
export async function scriptedBrowser(
  pageUrl: string,
  options: ScriptedBrowserOptions = {},
): Promise<{ status: number; text: string }> {
  const page = await (await fetch(pageUrl)).text();
  const formAction = new URL(field(page, /<form id="manifest-form" method="post" action="([^"]+)"/, "form action"));
  const action = `${options.hosts?.[formAction.origin] ?? formAction.origin}${formAction.pathname}${formAction.search}`;
  const manifest = field(page, /name="manifest" value="([^"]+)"/, "manifest");
  const confirmPage = await (await fetch(action, { method: "POST", body: new URLSearchParams({ manifest }) })).text();
  const confirmAction = new URL(field(confirmPage, /<form method="post" action="([^"]+)"/, "confirm form"), action);
  const pending = field(confirmPage, /name="pending" value="([^"]+)"/, "pending id");
  await options.meanwhile?.({
    state: new URL(action).searchParams.get("state")!,
    callbackUrl: JSON.parse(manifest).redirect_url,
  });
  const redirect = await fetch(confirmAction, {
    method: "POST",
    body: new URLSearchParams({ pending }),
    redirect: "manual",
  });
  const location = new URL(redirect.headers.get("location") ?? "");
  if (options.tamperState) location.searchParams.set("state", "forged-state");
  const callback = await fetch(location);
  return { status: callback.status, text: await callback.text() };
}

/** A GET with the Host header a DNS-rebinding page (or anything else) would send; fetch cannot set Host. */
export function getWithHost(url: string, host: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const request = httpGet(url, { headers: { host } }, (response) => {
      let text = "";
      response.setEncoding("utf8");
      response.on("data", (chunk) => (text += chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, text }));
    });
    request.on("error", reject);
  });
}

/** A handoff that records what it is given, as the registration stage would receive it. */
export function recordingHandoff(): GithubAppHandoff & {
  created?: { appId: number; slug: string; pem: SecretValue };
  installedAppUrl?: string;
} {
  const handoff: GithubAppHandoff & {
    created?: { appId: number; slug: string; pem: SecretValue };
    installedAppUrl?: string;
  } = {
    appCreated(app) {
      handoff.created = app;
    },
    appInstalled({ installedAppUrl }) {
      handoff.installedAppUrl = installedAppUrl;
    },
  };
  return handoff;
}

/** Flow options for tests: short timeouts, fast polling, lines said collected in `said`. */
export function flowOptions(overrides: Partial<CreateGithubAppOptions> & { said: string[] }): CreateGithubAppOptions {
  return {
    handoff: recordingHandoff(),
    say: (line) => overrides.said.push(line),
    callbackTimeoutMs: 10_000,
    installTimeoutMs: 5_000,
    pollMs: 25,
    ...overrides,
  };
}
