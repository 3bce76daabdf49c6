import { App, TerraformVariable, Testing } from "cdktf";
import { InsightsEntraConnectorStack } from "../../../stacks/azure/entra-connector-stack";
import { InsightsGcpConnectorStack } from "../../../stacks/gcp/gcp-connector-stack";
import { InsightsPingOneConnectorStack } from "../../../stacks/pingone/pingone-connector-stack";
import { resourcesOf, synthJson } from "./helpers";

const TENANT = "0f5b7c1e-0000-4000-8000-000000000001";

describe("the CDKTF stacks check their props with the catalog's schema", () => {
  test("Entra: defaults are the catalog's (display name, 90-day rotation, Reader on the root group)", () => {
    const json = synthJson((app) => new InsightsEntraConnectorStack(app, "entra", { tenantId: TENANT }));
    expect(resourcesOf(json, "azuread_application").connector_application.display_name).toBe("BT-SP-Connector");
    expect(json.locals).toMatchObject({ client_secret_rotation_days: 90 });
    expect(Object.keys(resourcesOf(json, "azurerm_role_assignment"))).toEqual(["root_management_group_reader"]);
  });

  test.each<[string, object, RegExp]>([
    ["a tenant ID that is no GUID", { tenantId: "contoso" }, /tenantId: must be a GUID/],
    ["groups without core-directory", { tenantId: TENANT, permissionGroups: ["activity-feed"] }, /permissionGroups/],
    ["a secret rotation past Entra's limit", { tenantId: TENANT, secretRotationDays: 800 }, /secretRotationDays: /],
    [
      "a subscription without azureResources",
      { tenantId: TENANT, azureResources: false, subscriptionId: TENANT },
      /subscriptionId: only applies/,
    ],
    ["a misspelt prop", { tenantId: TENANT, secretRotationdays: 30 }, /secretRotationdays/],
  ])("Entra: %s fails at construction, naming the prop", (_, props, message) => {
    const make = () => new InsightsEntraConnectorStack(Testing.app(), "entra", props as never);
    expect(make).toThrow(/^InsightsEntraConnectorStack "entra": invalid props: /);
    expect(make).toThrow(message);
  });

  test("a token where the stack derives names and grants is refused, naming the prop", () => {
    const app = new App();
    const variables = new InsightsPingOneConnectorStack(app, "vars", { environmentId: TENANT, region: "EU" });
    const tenant = new TerraformVariable(variables, "tenant", { type: "string" }).stringValue;
    expect(() => new InsightsEntraConnectorStack(app, "entra", { tenantId: tenant })).toThrow(
      /InsightsEntraConnectorStack "entra".*tenantId: must be a literal value, not a token/,
    );
  });

  test("GCP: a nested project prop is named by its path", () => {
    const make = () =>
      new InsightsGcpConnectorStack(Testing.app(), "gcp", {
        organizationId: "123456789012",
        project: { id: "Insights_Project", create: true },
      });
    expect(make).toThrow(/InsightsGcpConnectorStack "gcp": invalid props: project\.id: /);
  });

  test("GCP: folderId only with create, as in a tenant file", () => {
    const make = () =>
      new InsightsGcpConnectorStack(Testing.app(), "gcp", {
        organizationId: "123456789012",
        project: { id: "insights-connector", folderId: "123456789" },
      });
    expect(make).toThrow(/project\.folderId: only applies with create: true/);
  });

  test("PingOne: an unknown region and a role a worker app cannot hold", () => {
    const make = (props: object) => () =>
      new InsightsPingOneConnectorStack(Testing.app(), "p1", { environmentId: TENANT, region: "EU", ...props });
    expect(make({ region: "US" })).toThrow(/InsightsPingOneConnectorStack "p1".*region: must be one of NA, EU, CA, AP/);
    expect(make({ roles: ["Environment Admin"] })).toThrow(/roles\.0: /);
    expect(make({})).not.toThrow();
  });
});
