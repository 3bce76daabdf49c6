import { GITHUB_APP_PERMISSIONS } from "../../../connectors/github/permissions";
import { githubAppManifest } from "../../../connectors/github/app-manifest";
import { manifestPage } from "../../../providers/github/manifest-flow/manifest-page";
import type { GithubConnectorConfig } from "../../../connectors/github/config";
import { VALID } from "../../helpers/config-text";
import { connectorFrom } from "../../stacks/cdktf/helpers";

const connector = connectorFrom<GithubConnectorConfig>(VALID.github);

describe("GitHub App manifest", () => {
  test("default_permissions: the catalog's eleven permissions, written out, every one read", () => {
    const manifest = githubAppManifest(connector, "http://127.0.0.1:1234/callback");
    expect(Object.keys(manifest.default_permissions).sort()).toEqual([
      "administration",
      "codespaces_lifecycle_admin",
      "members",
      "metadata",
      "organization_administration",
      "organization_custom_org_roles",
      "organization_custom_roles",
      "organization_events",
      "organization_hooks",
      "organization_user_blocking",
      "repository_hooks",
    ]);
    expect(new Set(Object.values(manifest.default_permissions))).toEqual(new Set(["read"]));
    expect(GITHUB_APP_PERMISSIONS.find((p) => p.label === "Blocking users")!.key).toBe("organization_user_blocking");
    expect(GITHUB_APP_PERMISSIONS.find((p) => p.label === "Custom repository roles")!.key).toBe(
      "organization_custom_roles",
    );
  });

  test("private, webhook inactive, Insights homepage, no events, redirect to the local callback", () => {
    const manifest = githubAppManifest(connector, "http://127.0.0.1:1234/callback");
    expect(manifest).toMatchObject({
      name: "BT Insights acme",
      url: "https://app.beyondtrust.io",
      hook_attributes: { url: "https://app.beyondtrust.io", active: false },
      redirect_url: "http://127.0.0.1:1234/callback",
      public: false,
      default_events: [],
    });
    expect(
      githubAppManifest(connectorFrom<GithubConnectorConfig>(`${VALID.github}\nappName: Insights Reader`), "x").name,
    ).toBe("Insights Reader");
  });

  test("the local page posts the manifest, HTML-escaped, to the form action", () => {
    const manifest = githubAppManifest(
      connectorFrom<GithubConnectorConfig>(`${VALID.github}\nappName: A "quoted" <name>`),
      "http://127.0.0.1:1/callback",
    );
    const page = manifestPage("https://github.com/organizations/acme/settings/apps/new?state=abc", manifest);
    expect(page).toContain('action="https://github.com/organizations/acme/settings/apps/new?state=abc"');
    expect(page).not.toContain("<name>");
    const value = /name="manifest" value="([^"]+)"/
      .exec(page)![1]
      .replace(/&quot;/g, '"')
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&amp;/g, "&");
    expect(JSON.parse(value)).toEqual(manifest);
  });
});
