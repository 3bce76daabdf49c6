import type { AzureConnectorConfig } from "../../../connectors/azure/config";
import { azureGrants } from "../../../connectors/azure/grants";
import { AZURE_APIS, AZURE_PERMISSION_GROUPS } from "../../../connectors/azure/permissions";
import { InsightsEntraConnectorStack, entraStackProps } from "../../../stacks/azure/entra-connector-stack";
import { VALID } from "../../helpers/config-text";
import { connectorFrom, resourcesOf, synthJson, type TerraformJson } from "../cdktf/helpers";

const TENANT_ID = "0f5b7c1e-0000-4000-8000-000000000001";

function synthEntra(extra = ""): { json: TerraformJson; connector: AzureConnectorConfig } {
  const connector = connectorFrom<AzureConnectorConfig>(`${VALID.azure}\n${extra}`);
  const json = synthJson((app) => new InsightsEntraConnectorStack(app, "acme-azure", entraStackProps(connector)));
  return { json, connector };
}

/** Permission value an app-role reference looks up, e.g. `User.Read.All`. */
function permissionOf(reference: string, api: string): string {
  const match = new RegExp(
    `^\\$\\{data\\.azuread_service_principal\\.${api}_service_principal\\.app_role_ids\\["([^"]+)"\\]\\}$`,
  ).exec(reference);
  if (!match) throw new Error(`not an app-role lookup on ${api}: ${reference}`);
  return match[1];
}

function catalogPermissions(connector: AzureConnectorConfig, kind: "graph-app-role" | "office365-app-role"): string[] {
  return azureGrants(connector)
    .filter((g) => g.kind === kind)
    .map((g) => g.name)
    .sort();
}

describe("Entra ID stack: app registration and permissions", () => {
  test("creates one single-tenant app registration and its service principal, owned by the deployer", () => {
    const { json } = synthEntra();
    const [app] = Object.values(resourcesOf(json, "azuread_application"));
    expect(Object.keys(resourcesOf(json, "azuread_application"))).toEqual(["connector_application"]);
    expect(app.display_name).toBe("BT-SP-Connector");
    expect(app.sign_in_audience).toBe("AzureADMyOrg");
    expect(app.owners).toEqual(["${data.azuread_client_config.deployer.object_id}"]);
    const sp = resourcesOf(json, "azuread_service_principal").connector_service_principal;
    expect(sp.client_id).toBe("${azuread_application.connector_application.client_id}");
    expect(json.provider.azuread).toEqual([{ tenant_id: TENANT_ID }]);
  });

  test("requests exactly the catalog's Graph and Office 365 application permissions, looked up by value", () => {
    const { json, connector } = synthEntra();
    const access = resourcesOf(json, "azuread_application").connector_application.required_resource_access as any[];
    expect(access.map((a) => a.resource_app_id)).toEqual([
      `\${data.azuread_application_published_app_ids.published_app_ids.result["${AZURE_APIS.graph.publishedAppName}"]}`,
      `\${data.azuread_application_published_app_ids.published_app_ids.result["${AZURE_APIS.office365.publishedAppName}"]}`,
    ]);
    for (const entry of access.flatMap((a) => a.resource_access)) expect(entry.type).toBe("Role");
    expect(access[0].resource_access.map((r: any) => permissionOf(r.id, "graph")).sort()).toEqual(
      catalogPermissions(connector, "graph-app-role"),
    );
    expect(access[1].resource_access.map((r: any) => permissionOf(r.id, "office365")).sort()).toEqual([
      "ActivityFeed.Read",
    ]);
    expect(catalogPermissions(connector, "graph-app-role")).toHaveLength(20);
  });

  test("grants admin consent for each permission: one app-role assignment from the connector to the API", () => {
    const { json, connector } = synthEntra();
    const assignments = Object.values(resourcesOf(json, "azuread_app_role_assignment"));
    // One per permission the catalog lists (the 20 Graph roles are spelled out in the test above).
    const permissions = [
      ...catalogPermissions(connector, "graph-app-role"),
      ...catalogPermissions(connector, "office365-app-role"),
    ];
    expect(assignments).toHaveLength(permissions.length);
    for (const assignment of assignments) {
      expect(assignment.principal_object_id).toBe("${azuread_service_principal.connector_service_principal.object_id}");
    }
    const consented = (api: "graph" | "office365") =>
      assignments
        .filter((a) => a.resource_object_id === `\${data.azuread_service_principal.${api}_service_principal.object_id}`)
        .map((a) => permissionOf(a.app_role_id, api))
        .sort();
    expect(consented("graph")).toEqual(catalogPermissions(connector, "graph-app-role"));
    expect(consented("office365")).toEqual(catalogPermissions(connector, "office365-app-role"));
  });

  test("writes no GUID other than the tenant ID: app and role IDs come from the tenant's service principals", () => {
    const { json } = synthEntra();
    const guids = JSON.stringify(json).match(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi) ?? [];
    expect(new Set(guids)).toEqual(new Set([TENANT_ID]));
  });

  test("a dropped permission group removes its permissions and its consents; without activity-feed no Office 365 lookup", () => {
    const { json } = synthEntra("permissionGroups: [core-directory, hybrid]");
    const expected = [
      ...AZURE_PERMISSION_GROUPS["core-directory"].permissions,
      ...AZURE_PERMISSION_GROUPS.hybrid.permissions,
    ].sort();
    const access = resourcesOf(json, "azuread_application").connector_application.required_resource_access as any[];
    expect(access).toHaveLength(1);
    expect(access[0].resource_access.map((r: any) => permissionOf(r.id, "graph")).sort()).toEqual(expected);
    expect(
      Object.values(resourcesOf(json, "azuread_app_role_assignment"))
        .map((a) => permissionOf(a.app_role_id, "graph"))
        .sort(),
    ).toEqual(expected);
    expect(Object.keys(json.data.azuread_service_principal)).toEqual(["graph_service_principal"]);
  });
});

const REGISTERED =
  "azuread_application_password.client_secret[tostring(var.client_secret_generations" +
  "[length(var.client_secret_generations) - 1].generation)]";

/**
 * hashicorp/terraform-provider-azuread v3.7.0 (72ee4ffe4628e1a21e275734c8d3354faf8fb2f3),
 * internal/services/applications/application_password_resource.go: every argument ForceNew, no
 * Update, and a Delete that calls RemovePassword at once. So each secret is its own instance,
 * kept until its generation leaves the variable (after Insights reports the new one Connected).
 */
describe("Entra ID stack: client secret rotation by two slots", () => {
  test("one secret per listed generation, each valid rotation + 30 days from its creation; no time_rotating", () => {
    const { json } = synthEntra();
    expect(json.resource.time_rotating).toBeUndefined();
    expect(json.locals).toMatchObject({ client_secret_rotation_days: 90 });
    expect(resourcesOf(json, "azuread_application_password")).toEqual({
      client_secret: {
        for_each: "${{ for s in var.client_secret_generations : tostring(s.generation) => s }}",
        application_id: "${azuread_application.connector_application.id}",
        display_name: "BeyondTrust Identity Security Insights",
        end_date: '${timeadd(each.value.created_at, "2880h")}',
        // What a stack from before slots set and the new shape changes: kept, so the upgrade replaces nothing.
        lifecycle: { ignore_changes: ["end_date", "rotate_when_changed"] },
      },
    });
    // The provider is still declared, so the old stacks' time_rotating can be destroyed.
    expect(json.terraform.required_providers.time.source).toBe("hashicorp/time");
    expect((json as unknown as { moved: unknown }).moved).toEqual([
      { from: "azuread_application_password.client_secret", to: 'azuread_application_password.client_secret["1"]' },
    ]);
  });

  test("near Entra's 730-day limit the grace period shrinks so no secret outlives it", () => {
    const { json } = synthEntra("secretRotationDays: 720");
    expect(resourcesOf(json, "azuread_application_password").client_secret.end_date).toBe(
      '${timeadd(each.value.created_at, "17520h")}',
    );
  });

  test("the generations are a required variable, validated, with no default", () => {
    const variable = (synthEntra().json as unknown as { variable: Record<string, any> }).variable
      .client_secret_generations;
    expect(variable.type).toBe("list(object({ generation = number, created_at = string }))");
    expect(variable.nullable).toBe(false);
    expect(variable).not.toHaveProperty("default");
    expect(variable.validation.map((v: { error_message: string }) => v.error_message)).toEqual([
      "Keep one secret, or two during a rotation.",
      "Each generation is a whole number from 1.",
      "The second generation must be the newer one.",
      "Each created_at is an RFC 3339 time, e.g. 2026-01-01T00:00:00Z.",
    ]);
  });
});

describe("Entra ID stack: outputs", () => {
  test("outputs tenant ID, directory name, client ID and the client secret, the secret marked sensitive", () => {
    const { json } = synthEntra();
    expect(Object.keys(json.output).sort()).toEqual([
      "client_id",
      "client_secret",
      "client_secret_created_at",
      "client_secret_generations",
      "client_secret_rotation_due",
      "directory_name",
      "tenant_id",
    ]);
    // The newest generation's secret: the one Insights holds.
    expect(json.output.client_secret).toMatchObject({ sensitive: true, value: `\${${REGISTERED}.value}` });
    expect(json.output.client_secret_created_at.value).toBe(`\${${REGISTERED}.start_date}`);
    expect(json.output.client_secret_rotation_due.value).toBe(`\${timeadd(${REGISTERED}.start_date, "2160h")}`);
    expect(json.output.client_secret_generations.value).toBe("${jsonencode(var.client_secret_generations)}");
    for (const [name, output] of Object.entries(json.output))
      if (name !== "client_secret") expect(output.sensitive).toBeUndefined();
    expect(json.output.tenant_id.value).toBe(TENANT_ID);
    expect(json.output.directory_name.value).toBe("${data.azuread_domains.initial_domain.domains[0].domain_name}");
  });

  test("a configured directoryName is output as is, and the domain lookup is left out", () => {
    const { json } = synthEntra("directoryName: Contoso Ltd");
    expect(json.output.directory_name.value).toBe("Contoso Ltd");
    expect(json.data.azuread_domains).toBeUndefined();
  });
});

describe("Entra ID stack: Azure resources", () => {
  test("azureResources: false leaves out the azurerm provider and the role assignment", () => {
    const { json } = synthEntra("azureResources: false");
    expect(json.resource.azurerm_role_assignment).toBeUndefined();
    expect(json.provider.azurerm).toBeUndefined();
    expect(json.terraform.required_providers.azurerm).toBeUndefined();
  });

  test("by default Reader at the root management group is assigned; azurerm reads the subscription at apply", () => {
    const { json } = synthEntra();
    expect(Object.keys(resourcesOf(json, "azurerm_role_assignment"))).toEqual(["root_management_group_reader"]);
    expect(json.provider.azurerm).toEqual([{ tenant_id: TENANT_ID, features: [{}] }]);
  });

  test("azureResources: true assigns Reader at the tenant root management group to the connector", () => {
    const { json } = synthEntra("azureResources: true\nsubscriptionId: 5a1b2c3d-0000-4000-8000-000000000009");
    expect(resourcesOf(json, "azurerm_role_assignment")).toEqual({
      root_management_group_reader: {
        scope: `/providers/Microsoft.Management/managementGroups/${TENANT_ID}`,
        role_definition_name: "Reader",
        principal_id: "${azuread_service_principal.connector_service_principal.object_id}",
        principal_type: "ServicePrincipal",
        skip_service_principal_aad_check: true,
        description: "BeyondTrust Identity Security Insights: read Azure resources",
      },
    });
    expect(json.provider.azurerm).toEqual([
      { tenant_id: TENANT_ID, subscription_id: "5a1b2c3d-0000-4000-8000-000000000009", features: [{}] },
    ]);
    expect(json.terraform.required_providers.azurerm).toEqual({ source: "hashicorp/azurerm", version: "~> 4.0" });
  });
});
