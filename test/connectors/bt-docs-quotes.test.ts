import { parseConfig } from "../../config/load";
import { BT_AZURE_PAGE_PERMISSIONS, BT_OKTA_PAGE_SCOPES } from "../../connectors/bt-docs-quotes";
import { AZURE_PERMISSION_GROUPS } from "../../connectors/azure/permissions";
import { OKTA_SCOPES } from "../../connectors/okta/grants";
import { buildPlan } from "../../plan/build";
import { renderJson } from "../../plan/render-json";
import { renderMarkdown } from "../../plan/render-markdown";
import { renderTable } from "../../plan/render-table";
import { configWith, VALID } from "../helpers/config-text";

/** Every plan format of one connector, nothing read or contacted. */
function formats(connector: string): string[] {
  const plan = buildPlan(parseConfig(configWith([connector]), "tenants.yaml", "/nonexistent"));
  return [renderTable(plan, 400), renderMarkdown(plan), renderJson(plan)];
}

describe("grants the 24.04 guide does not list carry BeyondTrust's own words, quoted", () => {
  test("the Azure permissions are exactly the page's list; each origin quotes its entry as printed", () => {
    const catalog = Object.values(AZURE_PERMISSION_GROUPS).flatMap((g) => [...g.permissions]);
    // The page misspells two entries (a truncated …Read.Al, a lower-case l for I); both are quoted as printed.
    const fixed = (name: string) => name.replace(/\.Read\.Al$/, ".Read.All").replace(/^ldentity/, "Identity");
    const page = [
      ...BT_AZURE_PAGE_PERMISSIONS["Microsoft Graph"],
      ...BT_AZURE_PAGE_PERMISSIONS["Office 365 management APIs"],
    ].map(fixed);
    expect([...catalog].sort()).toEqual([...page].sort());

    const outputs = formats(
      `${VALID.azure}\npermissionGroups: [core-directory, risk, hybrid, governance, microsoft-365, activity-feed]`,
    );
    for (const out of outputs) {
      const text = out.replace(/\\"/g, '"');
      expect(text).toContain('Microsoft Graph: "Application.Read.All"');
      expect(text).toContain(
        'Microsoft Graph: "IdentityProvider.Read.Al" (sic: the page\'s spelling of IdentityProvider.Read.All)',
      );
      expect(text).toContain('Microsoft Graph: "ldentityRiskEvent.Read.All" (sic');
      expect(text).toContain('Office 365 management APIs: "ActivityFeed.Read"');
      expect(text).toContain('Management groups: "Reader Role"');
    }
  });

  test("okta.orgs.read and okta.networkZones.read quote the page's step; the other scopes are the guide's", () => {
    const pageOnly = OKTA_SCOPES.filter((s) => s.origin.startsWith("https://docs.beyondtrust.com/insights/docs/okta"));
    expect(pageOnly.map((s) => s.scope).sort()).toEqual(["okta.networkZones.read", "okta.orgs.read"]);
    expect(OKTA_SCOPES.map((s) => s.scope).sort()).toEqual([...BT_OKTA_PAGE_SCOPES].sort());
    for (const out of formats(VALID.okta)) {
      const text = out.replace(/\\"/g, '"');
      for (const scope of ["okta.orgs.read", "okta.networkZones.read"]) {
        expect(text).toContain(
          `Create a new app integration, step 8: "Navigate to Okta API Scopes, and grant access to the following: … ${scope}"`,
        );
      }
    }
  });
});
