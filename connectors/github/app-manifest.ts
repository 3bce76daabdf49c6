import type { GithubAppBlueprint, GithubAppManifest } from "../../providers/github/manifest-flow/manifest";
import { githubAppName, githubUrls, type GithubConnectorConfig } from "./config";
import { GITHUB_APP_PERMISSIONS } from "./permissions";

/** Insights' home page, the app's homepage in the guide's step 4. */
export const INSIGHTS_HOMEPAGE = "https://app.beyondtrust.io";

/** The catalog's permissions as the manifest's `default_permissions`: every one `read`. */
export function manifestPermissions(): Record<string, "read"> {
  return Object.fromEntries(GITHUB_APP_PERMISSIONS.map(({ key }) => [key, "read" as const]));
}

/**
 * The manifest for the Insights app: guide steps 3–11. The webhook is off (step 6),
 * the app is private so only the owning organization can install it (step 10), and
 * it subscribes to no events.
 */
export function githubAppManifest(connector: GithubConnectorConfig, redirectUrl: string): GithubAppManifest {
  return {
    name: githubAppName(connector),
    url: INSIGHTS_HOMEPAGE,
    // GitHub requires a hook URL even for an inactive webhook.
    hook_attributes: { url: INSIGHTS_HOMEPAGE, active: false },
    redirect_url: redirectUrl,
    public: false,
    default_permissions: manifestPermissions(),
    default_events: [],
  };
}

/** What the manifest flow needs of a GitHub connector: where, which organization, which permissions, which manifest. */
export function githubAppBlueprint(connector: GithubConnectorConfig): GithubAppBlueprint {
  return {
    ...githubUrls(connector),
    organization: connector.organization,
    permissions: manifestPermissions(),
    manifest: (redirectUrl) => githubAppManifest(connector, redirectUrl),
  };
}
