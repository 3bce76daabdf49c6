import type { Grant } from "../grant";
import { guide, VENDOR_DOCS } from "../origins";
import type { GithubConnectorConfig } from "./config";
import { GITHUB_APP_PERMISSIONS } from "./permissions";

export function githubGrants(config: GithubConnectorConfig): Grant[] {
  return GITHUB_APP_PERMISSIONS.map(({ section, label, key }) => ({
    source: "github",
    scope: `github-org:${config.organization.toLowerCase()}`,
    kind: "github-app-permission",
    name: key,
    access: "read",
    origin: `${guide(`Configure a New GitHub App, ${section === "Repository permissions" ? "step 8" : "step 9"}`)} ("${section}: ${label}"); ${VENDOR_DOCS.githubAppPermissions}`,
  }));
}
