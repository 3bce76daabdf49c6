import type { ConnectorKind } from "../kind";
import { hostOf } from "../secret-hosts";
import { githubConnectorConfig, githubUrls, type GithubConnectorConfig } from "./config";
import { githubGrants } from "./grants";
import { githubPlannedRegistration, githubRegistration } from "./registration";

export const github: ConnectorKind<GithubConnectorConfig, "github-app-manifest"> = {
  kind: "github",
  title: "GitHub",
  guideSection: "Connect Identity Security Insights to GitHub",
  provisioning: {
    mode: "stack",
    engine: "github-app-manifest",
    stack: "providers/github/manifest-flow",
    summary: "GitHub App from a manifest: read-only permissions, webhook off, installable only on the organization",
  },
  config: githubConnectorConfig,
  registration: githubRegistration,
  plannedRegistration: githubPlannedRegistration,
  grants: githubGrants,
  // The App's key signs the JWT verify sends to the API (verify/readers/github.ts); the manifest flow
  // takes the operator's signed-in browser to the web host, whose answer the API exchanges for the key.
  secretHosts: (c) => {
    const { apiUrl, webUrl } = githubUrls(c);
    return {
      source: [
        { host: hostOf(apiUrl), by: "verify", field: c.apiUrl ? "apiUrl" : c.webUrl ? "webUrl" : undefined },
        { host: hostOf(webUrl), by: "deploy", field: c.webUrl ? "webUrl" : undefined },
      ].map(({ field, ...host }) => (field ? { ...host, field } : host)),
    };
  },
  leftAfterOffboarding: {
    what: "the GitHub App registration",
    why:
      "only an organization owner (or app manager) can delete a GitHub App registration, in the web UI: organization " +
      "Settings > Developer settings > GitHub Apps > the app > Advanced > Delete GitHub App",
    origin: "https://docs.github.com/en/apps/maintaining-github-apps/deleting-a-github-app",
  },
};
