import type { GcpConnectorConfig } from "../../../connectors/gcp/config";
import { gcpGrants as catalogGrants } from "../../../connectors/gcp/grants";
import { compareGrants } from "../../../review/consistency";
import { cdktfGrants } from "../../helpers/engines";
import {
  gcpProviderSideEffects,
  GOOGLE_PROJECT_NO_NETWORK_EFFECT,
} from "../../../review/extract/provider-side-effects";
import { InsightsGcpConnectorStack, gcpStackProps } from "../../../stacks/gcp/gcp-connector-stack";
import { connectorFrom, synthJson, type TerraformJson } from "../cdktf/helpers";

const ARTIFACT = "cdktf.out/stacks/acme-gcp/cdk.tf.json";

/** A created project without billing, which the config allows. */
const CREATE_WITHOUT_BILLING = `kind: gcp
name: GCP
organizationId: "123456789012"
project: { id: bt-insights-connector, create: true }`;

function synth(): { json: TerraformJson; connector: GcpConnectorConfig } {
  const connector = connectorFrom<GcpConnectorConfig>(CREATE_WITHOUT_BILLING);
  return {
    json: synthJson((app) => new InsightsGcpConnectorStack(app, "acme-gcp", gcpStackProps(connector))),
    connector,
  };
}

/**
 * Provider behaviour (hashicorp/terraform-provider-google,
 * google/services/resourcemanager/resource_google_project.go, commit e03b7622a26c):
 * `auto_create_network = false` enables compute.googleapis.com and deletes the default network.
 */
describe("GCP: the plan lists every side effect the google provider performs", () => {
  test("the connector project never asks the provider to delete a default network (so Compute Engine stays off)", () => {
    const project = synth().json.resource.google_project.connector_project;
    expect(project.auto_create_network).toBe(true);
    expect(gcpProviderSideEffects(synth().json, ARTIFACT)).toEqual([]);
  });

  test("with auto_create_network = false, the artifact's grants include the Compute API as a write", () => {
    const { json } = synth();
    json.resource.google_project.connector_project.auto_create_network = false;
    expect(gcpProviderSideEffects(json, ARTIFACT)).toEqual([
      {
        source: "gcp",
        scope: "gcp-project:bt-insights-connector",
        kind: "gcp-api",
        name: "compute.googleapis.com",
        access: "write",
        condition: GOOGLE_PROJECT_NO_NETWORK_EFFECT,
        artifact: `${ARTIFACT} google_project.connector_project`,
      },
    ]);
  });

  test("…so a stack that triggers it fails the plan's catalog check, naming the API", async () => {
    const { json, connector } = synth();
    expect(compareGrants(catalogGrants(connector), await cdktfGrants("gcp", json, ARTIFACT))).toEqual([]);
    json.resource.google_project.connector_project.auto_create_network = false;
    const mismatches = compareGrants(catalogGrants(connector), await cdktfGrants("gcp", json, ARTIFACT));
    expect(mismatches).toEqual([
      {
        problem: "not in catalog",
        grant: "gcp-api compute.googleapis.com @ gcp-project:bt-insights-connector",
        kind: "gcp-api",
        found: {
          source: "gcp",
          kind: "gcp-api",
          name: "compute.googleapis.com",
          scope: "gcp-project:bt-insights-connector",
          access: "write",
          condition: "enabled by the google provider to delete the default network (auto_create_network = false)",
          artifact: `${ARTIFACT} google_project.connector_project`,
        },
        artifact: `${ARTIFACT} google_project.connector_project`,
      },
    ]);
  });

  test("an existing project (looked up, not created) has no such side effect", () => {
    const connector = connectorFrom<GcpConnectorConfig>(
      CREATE_WITHOUT_BILLING.replace("create: true", "create: false"),
    );
    const json = synthJson((app) => new InsightsGcpConnectorStack(app, "acme-gcp", gcpStackProps(connector)));
    expect(json.resource.google_project).toBeUndefined();
    expect(gcpProviderSideEffects(json, ARTIFACT)).toEqual([]);
  });
});
