import type { GithubConnectorConfig } from "../../connectors/github/config";
import type { GithubAppManifest } from "../../providers/github/manifest-flow/manifest";
import { githubAppPermissionAccess } from "../access/github-app-permission";
import type { ExtractedGrant } from "../../plan/extracted-grant";

/** GitHub: the manifest's default permissions, as the app will request them. */
export function githubManifestGrants(
  manifest: GithubAppManifest,
  connector: GithubConnectorConfig,
  artifact: string,
): ExtractedGrant[] {
  return Object.entries(manifest.default_permissions).map(([key, level]) => ({
    source: "github",
    scope: `github-org:${connector.organization.toLowerCase()}`,
    kind: "github-app-permission" as const,
    name: key,
    access: githubAppPermissionAccess(level),
    ...(manifest.public ? { condition: "public app: installable by any account" } : {}),
    artifact: `${artifact} default_permissions.${key}`,
  }));
}
