import type { GcpConnectorConfig } from "../../../connectors/gcp/config";
import { gcpNotices } from "../../../connectors/gcp/notices";
import { InsightsGcpConnectorStack, gcpStackProps } from "../../../stacks/gcp/gcp-connector-stack";
import { VALID } from "../../helpers/config-text";
import { connectorFrom, resourcesOf, synthJson } from "../cdktf/helpers";

function synth(extra = "") {
  const connector = connectorFrom<GcpConnectorConfig>(`${VALID.gcp}\n${extra}`);
  return synthJson((app) => new InsightsGcpConnectorStack(app, "acme-gcp", gcpStackProps(connector)));
}

/**
 * hashicorp/terraform-provider-google e03b7622a26cf4e878f90bdccaca6aa3d03a7999:
 * resource_google_service_account_key.go has `keepers` (TypeMap, ForceNew) and a Delete that
 * calls Keys.Delete at once; the resource's doc rotates a key with `time_rotating` in `keepers`.
 */
describe("GCP: the service account key rotates by time_rotating + create-before-destroy", () => {
  test("a time_rotating with 90 days by default drives the key's keepers; the new key is created first", () => {
    const json = synth();
    expect(resourcesOf(json, "time_rotating")).toEqual({ service_account_key_rotation: { rotation_days: 90 } });
    expect(resourcesOf(json, "google_service_account_key").connector_service_account_key).toEqual({
      service_account_id: "${google_service_account.connector_service_account.name}",
      key_algorithm: "KEY_ALG_RSA_2048",
      private_key_type: "TYPE_GOOGLE_CREDENTIALS_FILE",
      keepers: { rotation: "${time_rotating.service_account_key_rotation.id}" },
      lifecycle: { create_before_destroy: true },
    });
    expect(json.terraform.required_providers.time.source).toBe("hashicorp/time");
  });

  test("keyRotationDays sets the period, and the due time is an output for the pipeline", () => {
    const json = synth("keyRotationDays: 30");
    expect(resourcesOf(json, "time_rotating").service_account_key_rotation).toEqual({ rotation_days: 30 });
    expect(json.output.service_account_key_rotation_due).toEqual({
      value: "${time_rotating.service_account_key_rotation.rotation_rfc3339}",
      description: "When the next apply replaces the service account key (register right after that apply)",
    });
    expect(json.output.service_account_key_created_at.value).toBe(
      "${google_service_account_key.connector_service_account_key.valid_after}"
    );
  });

  test("plan states that register must run in the same step as the apply that rotates the key", () => {
    expect(gcpNotices({ keyRotationDays: 30 })).toEqual([
      {
        kind: "step",
        text:
          "the service account key is replaced every 30 days, create-before-destroy: the apply that creates the " +
          "new key deletes the old one at its end, so run register in the same pipeline step right after that " +
          "apply (up does); until then Insights holds a deleted key",
        origin:
          "hashicorp/terraform-provider-google " +
          "google/services/resourcemanager/resource_google_service_account_key.go " +
          "(keepers is ForceNew; Delete calls Keys.Delete at once)",
      },
    ]);
  });
});
