import type { PingOneConnectorConfig } from "../../../connectors/pingone/config";
import { pingoneGrants } from "../../../connectors/pingone/grants";
import { InsightsPingOneConnectorStack, pingoneStackProps } from "../../../stacks/pingone/pingone-connector-stack";
import { problemsOf, configWith, VALID } from "../../helpers/config-text";
import { connectorFrom, resourcesOf, synthJson, type TerraformJson } from "../cdktf/helpers";

const ENV = "3f1a2b4c-0000-4000-8000-000000000002";

function synthPingOne(extra = ""): { json: TerraformJson; connector: PingOneConnectorConfig } {
  const connector = connectorFrom<PingOneConnectorConfig>(`${VALID.pingone}\n${extra}`);
  return {
    json: synthJson((app) => new InsightsPingOneConnectorStack(app, "acme-pingone", pingoneStackProps(connector))),
    connector,
  };
}

describe("PingOne stack (CDKTF, hand-written pingidentity/pingone bindings)", () => {
  test("an enabled worker application with the client credentials grant and client-secret auth", () => {
    const { json } = synthPingOne();
    expect(resourcesOf(json, "pingone_application")).toEqual({
      connector_application: {
        environment_id: ENV,
        name: "BT Insights - Connector",
        description: "BeyondTrust Identity Security Insights (managed by insights-connectors)",
        enabled: true,
        oidc_options: {
          type: "WORKER",
          grant_types: ["CLIENT_CREDENTIALS"],
          token_endpoint_auth_method: "CLIENT_SECRET_BASIC",
        },
      },
    });
    expect(json.provider.pingone).toEqual([{ region_code: "EU" }]);
    expect(json.terraform.required_providers.pingone).toEqual({ source: "pingidentity/pingone", version: "~> 1.0" });
  });

  test("each catalog role is looked up by exact name and assigned to the app, scoped to the environment; no other role", () => {
    const { json, connector } = synthPingOne();
    const lookups = json.data.pingone_role;
    expect(
      Object.values(lookups)
        .map((r: any) => r.name)
        .sort(),
    ).toEqual(
      pingoneGrants(connector)
        .map((g) => g.name)
        .sort(),
    );
    expect(
      Object.values(lookups)
        .map((r: any) => r.name)
        .sort(),
    ).toEqual(["Configuration Read Only", "Identity Data Read Only"]);
    const assignments = resourcesOf(json, "pingone_application_role_assignment");
    expect(Object.keys(assignments).sort()).toEqual([
      "assign_configuration_read_only",
      "assign_identity_data_read_only",
    ]);
    for (const [address, assignment] of Object.entries(assignments)) {
      const roleAddress = address.replace(/^assign_/, "role_");
      expect(assignment).toEqual({
        environment_id: ENV,
        application_id: "${pingone_application.connector_application.id}",
        role_id: `\${data.pingone_role.${roleAddress}.id}`,
        scope_environment_id: ENV,
      });
      expect(lookups[roleAddress]).toBeDefined();
    }
  });

  test("a configured role set replaces the default; duplicates are assigned once", () => {
    const { json } = synthPingOne("roles: [Identity Data Read Only, Identity Data Read Only]");
    expect(Object.keys(resourcesOf(json, "pingone_application_role_assignment"))).toEqual([
      "assign_identity_data_read_only",
    ]);
  });

  test("outputs client ID, environment ID, region and auth domain in the clear and the secret marked sensitive", () => {
    const { json } = synthPingOne();
    expect(resourcesOf(json, "pingone_application_secret").connector_application_secret).toEqual({
      environment_id: ENV,
      application_id: "${pingone_application.connector_application.id}",
      regenerate_trigger_values: { rotation_rfc3339: "${time_rotating.client_secret_rotation.rotation_rfc3339}" },
      previous: { expires_at: '${timeadd(time_rotating.client_secret_rotation.rfc3339, "168h")}' },
      lifecycle: { ignore_changes: ["previous"] },
    });
    expect(resourcesOf(json, "time_rotating").client_secret_rotation).toEqual({ rotation_days: 90 });
    expect(json.output.client_secret).toMatchObject({
      sensitive: true,
      value: "${pingone_application_secret.connector_application_secret.secret}",
    });
    expect(json.output.client_id.value).toBe("${pingone_application.connector_application.id}");
    expect(json.output.environment_id.value).toBe(ENV);
    expect(json.output.region.value).toBe("EU");
    expect(json.output.auth_domain.value).toBe("auth.pingone.eu");
    for (const name of ["client_id", "environment_id", "region", "auth_domain"])
      expect(json.output[name].sensitive).toBeUndefined();
  });

  test.each([
    ["NA", "auth.pingone.com"],
    ["CA", "auth.pingone.ca"],
    ["AP", "auth.pingone.asia"],
  ])("region %s signs in at %s", (region, domain) => {
    const { json } = synthPingOneRegion(region);
    expect(json.output.auth_domain.value).toBe(domain);
    expect(json.provider.pingone).toEqual([{ region_code: region }]);
  });

  test("bad input never reaches the engine: an unknown region or a role that is not Read Only fails validation", () => {
    const unknownRegion = problemsOf(configWith([VALID.pingone.replace("region: EU", "region: US")]));
    expect(unknownRegion.map((p) => p.path)).toEqual(["tenants[0].connectors[0].region"]);
    const writeRole = problemsOf(configWith([`${VALID.pingone}\nroles: [Environment Admin]`]));
    expect(writeRole.map((p) => p.path)).toEqual(["tenants[0].connectors[0].roles[0]"]);
  });
});

function synthPingOneRegion(region: string): { json: TerraformJson } {
  const connector = connectorFrom<PingOneConnectorConfig>(VALID.pingone.replace("region: EU", `region: ${region}`));
  return {
    json: synthJson((app) => new InsightsPingOneConnectorStack(app, "acme-pingone", pingoneStackProps(connector))),
  };
}
