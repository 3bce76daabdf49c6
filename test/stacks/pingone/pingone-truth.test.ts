import type { PingOneConnectorConfig } from "../../../connectors/pingone/config";
import { PINGONE_READ_ONLY_ROLES } from "../../../connectors/pingone/roles";
import { InsightsPingOneConnectorStack, pingoneStackProps } from "../../../stacks/pingone/pingone-connector-stack";
import { problemsOf, configWith, VALID } from "../../helpers/config-text";
import { connectorFrom, resourcesOf, synthJson } from "../cdktf/helpers";

function secretOf(extra = ""): Record<string, any> {
  const connector = connectorFrom<PingOneConnectorConfig>(`${VALID.pingone}\n${extra}`);
  const json = synthJson((app) => new InsightsPingOneConnectorStack(app, "acme-pingone", pingoneStackProps(connector)));
  return resourcesOf(json, "pingone_application_secret").connector_application_secret;
}

const fieldProblems = (extra: string) =>
  problemsOf(configWith([`${VALID.pingone}\n${extra}`])).map((p) => `${p.path}: ${p.message}`);

describe("PingOne against the provider's and PingOne's own documentation", () => {
  test("a rotation keeps the replaced secret valid for 7 days by default, counted from the rotation", () => {
    // previous.expires_at: "Supported time range is 1 minute to 30 days" (docs/resources/application_secret.md).
    expect(secretOf().previous).toEqual({
      expires_at: '${timeadd(time_rotating.client_secret_rotation.rfc3339, "168h")}',
    });
  });

  test("the grace is configurable up to PingOne's 30 days, and a value outside 1-30 days is a config error", () => {
    expect(secretOf("previousSecretGraceDays: 30").previous.expires_at).toBe(
      '${timeadd(time_rotating.client_secret_rotation.rfc3339, "720h")}',
    );
    expect(fieldProblems("previousSecretGraceDays: 31")).toEqual([
      "tenants[0].connectors[0].previousSecretGraceDays: must be at most 30 days (PingOne's limit)",
    ]);
    expect(fieldProblems("previousSecretGraceDays: 0")).toEqual([
      "tenants[0].connectors[0].previousSecretGraceDays: must be at least 1 day",
    ]);
  });

  test("a drifting `previous` never regenerates the secret: the provider's Update regenerates, so it is ignored", () => {
    expect(secretOf().lifecycle).toEqual({ ignore_changes: ["previous"] });
  });

  test("the default roles are the built-in Read Only roles a worker app can hold, named as pingone_role takes them", () => {
    const connector = connectorFrom<PingOneConnectorConfig>(VALID.pingone);
    expect(connector.roles).toEqual(["Identity Data Read Only", "Configuration Read Only"]);
    // Every Read Only option of the data source's `name` (docs/data-sources/role.md) is known to the catalog.
    const names: string[] = require("../../../providers/pingone/schema-excerpt.json").dataSources.pingone_role
      .attributes.name.options;
    expect(names.filter((n) => /Read Only/.test(n)).sort()).toEqual([...PINGONE_READ_ONLY_ROLES].sort());
  });

  test("DaVinci Admin Read Only is refused with PingOne's reason; a role that is not a built-in Read Only role too", () => {
    expect(fieldProblems("roles: [DaVinci Admin Read Only]")).toEqual([
      "tenants[0].connectors[0].roles[0]: PingOne cannot assign DaVinci roles to a worker app (PingOne Platform API, Built-in Admin Roles); the apply would fail on this role",
    ]);
    for (const role of ["Environment Admin", "Identity Data Read-Only", "Read Only"]) {
      expect(fieldProblems(`roles: [${role}]`)).toEqual([
        'tenants[0].connectors[0].roles[0]: must be one of Identity Data Read Only, Configuration Read Only (the built-in "Read Only" roles a worker app can hold)',
      ]);
    }
  });
});
