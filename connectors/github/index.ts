import type { ConnectorKind } from "../kind";
import { GITHUB_PROPAGATION } from "./propagation";
import { githubConnectorConfig, type GithubConnectorConfig } from "./config";
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
  leftAfterOffboarding: () => [
    {
      what: "the GitHub App registration",
      why:
        "only an organization owner (or app manager) can delete a GitHub App registration, in the web UI: " +
        "organization Settings > Developer settings > GitHub Apps > the app > Advanced > Delete GitHub App",
      origin: "https://docs.github.com/en/apps/maintaining-github-apps/deleting-a-github-app",
    },
  ],
  propagation: GITHUB_PROPAGATION,
};
