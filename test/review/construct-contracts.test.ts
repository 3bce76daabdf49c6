import { join } from "node:path";
import { AZURE_APIS } from "../../connectors/azure/permissions";
import type { AzureConnectorConfig } from "../../connectors/azure/config";
import type { GcpConnectorConfig } from "../../connectors/gcp/config";
import { loadConfig } from "../../config/load";
import { InsightsEntraConnectorStack, entraStackProps } from "../../stacks/azure/entra-connector-stack";
import { publishedApiLogicalId } from "../../stacks/azure/published-api";
import { ORGANIZATION_PROJECTS_LOCAL } from "../../stacks/gcp/enabled-apis";
import { InsightsGcpConnectorStack, gcpStackProps } from "../../stacks/gcp/gcp-connector-stack";
import { synthJson } from "../stacks/cdktf/helpers";
import { REPO } from "../helpers/cli";
import { cdktfGrants } from "../helpers/engines";

/**
 * The extractors find resources by the names the constructs export, not by patterns over
 * generated names: these pin that the constructs synthesize exactly those names, and that a
 * reference the extractor reads is attributed through them.
 */
const connectors = loadConfig(join(REPO, "examples", "all-sources.yaml")).tenants[0].connectors;
const azure = connectors.find((c) => c.kind === "azure") as AzureConnectorConfig;
const gcp = connectors.find((c) => c.kind === "gcp") as GcpConnectorConfig;

describe("construct ↔ extractor contracts", () => {
  test("the Entra stack looks up each API's service principal under publishedApiLogicalId(api)", async () => {
    const json = synthJson((app) => new InsightsEntraConnectorStack(app, "contract-entra", entraStackProps(azure)));
    expect(Object.keys(json.data!.azuread_service_principal).sort()).toEqual([
      "graph_service_principal",
      "office365_service_principal",
    ]);
    expect(
      Object.keys(AZURE_APIS)
        .map((api) => publishedApiLogicalId(api as keyof typeof AZURE_APIS))
        .sort(),
    ).toEqual(["graph_service_principal", "office365_service_principal"]);
    const kinds = new Set(
      (await cdktfGrants("azure", json, "a")).filter((g) => g.kind !== "azure-rbac-role").map((g) => g.kind),
    );
    expect([...kinds].sort()).toEqual(["graph-app-role", "office365-app-role"]);
  });

  test("the GCP all-projects stack lists the organization's projects in the local the extractor reads", async () => {
    expect(gcp.enableApisOn).toBe("all-projects");
    const json = synthJson((app) => new InsightsGcpConnectorStack(app, "contract-gcp", gcpStackProps(gcp)));
    expect(Object.keys(json.locals ?? {})).toContain(ORGANIZATION_PROJECTS_LOCAL);
    const scopes = new Set(
      (await cdktfGrants("gcp", json, "g")).filter((g) => g.kind === "gcp-api").map((g) => g.scope),
    );
    expect(scopes).toContain(`gcp-organization-projects:${gcp.organizationId}`);
  });
});
