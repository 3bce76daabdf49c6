import type { GcpConnectorConfig } from "../../../connectors/gcp/config";
import { gcpNotices } from "../../../connectors/gcp/notices";
import { InsightsGcpConnectorStack, gcpStackProps } from "../../../stacks/gcp/gcp-connector-stack";
import { gcpKeyGenerationsVariables, gcpKeySlotsFromOutputs } from "../../../stacks/gcp/connector-service-account";
import { VALID } from "../../helpers/config-text";
import { connectorFrom, resourcesOf, synthJson, type TerraformJson } from "../cdktf/helpers";

function synth(extra = "") {
  const connector = connectorFrom<GcpConnectorConfig>(`${VALID.gcp}\n${extra}`);
  return synthJson(
    (app) => new InsightsGcpConnectorStack(app, "acme-gcp", gcpStackProps(connector)),
  ) as TerraformJson & {
    variable: Record<string, any>;
    moved: { from: string; to: string }[];
  };
}

const REGISTERED =
  "google_service_account_key.connector_service_account_key[tostring(var.service_account_key_generations" +
  "[length(var.service_account_key_generations) - 1])]";

/**
 * hashicorp/terraform-provider-google e03b7622a26cf4e878f90bdccaca6aa3d03a7999,
 * google/services/resourcemanager/resource_google_service_account_key.go: the attributes
 * `service_account_id`, `key_algorithm`, `private_key_type`, `private_key`, `valid_after`, and a
 * Delete that calls Keys.Delete at once. So the old key is kept as its own resource instance
 * until its generation leaves the list, after the new key is registered.
 */
describe("GCP: the service account key rotates by two key slots (add, register, then delete the old)", () => {
  test("one key per listed generation, no time_rotating, no keepers (an old one ignored), no replace-in-place", () => {
    const json = synth();
    expect(json.resource.time_rotating).toBeUndefined();
    // The period is recorded for plan's credential lifetimes; nothing in Terraform acts on it.
    expect(json.locals).toMatchObject({ connector_service_account_key_rotation_days: 90 });
    expect(resourcesOf(json, "google_service_account_key")).toEqual({
      connector_service_account_key: {
        for_each: "${toset([for g in var.service_account_key_generations : tostring(g)])}",
        service_account_id: "${google_service_account.connector_service_account.name}",
        key_algorithm: "KEY_ALG_RSA_2048",
        private_key_type: "TYPE_GOOGLE_CREDENTIALS_FILE",
        // Upgrades from the keepers shape (main 82895e9–ddec3ca) keep the registered key.
        lifecycle: { ignore_changes: ["keepers"] },
      },
    });
  });

  test("the generations are a required list(number) variable, validated, with no default", () => {
    const variable = synth().variable.service_account_key_generations;
    expect(variable.type).toBe("list(number)");
    expect(variable.nullable).toBe(false);
    expect(variable).not.toHaveProperty("default");
    expect(variable.validation.map((v: { error_message: string }) => v.error_message)).toEqual([
      "Keep one key, or two during a rotation.",
      "Each generation is a whole number from 1.",
      "The second generation must be the newer one.",
    ]);
    expect(gcpKeyGenerationsVariables({ current: { generation: 3 }, next: { generation: 4 } })).toEqual({
      service_account_key_generations: "[3,4]",
    });
  });

  test("outputs give the newest key, its creation, its due time and the generations to pass back", () => {
    const json = synth("keyRotationDays: 30");
    expect(json.output.service_account_key).toEqual(
      expect.objectContaining({
        value: `\${base64decode(${REGISTERED}.private_key)}`,
        sensitive: true,
      }),
    );
    expect(json.output.service_account_key_created_at.value).toBe(`\${${REGISTERED}.valid_after}`);
    expect(json.output.service_account_key_rotation_due.value).toBe(`\${timeadd(${REGISTERED}.valid_after, "720h")}`);
    // JSON text, so `terraform output -raw` gives the variable's next value and string readers keep it whole.
    expect(json.output.service_account_key_generations.value).toBe(
      "${jsonencode(var.service_account_key_generations)}",
    );
  });

  test("a stack deployed before key slots keeps its key: it moves to generation 1", () => {
    expect(synth().moved).toEqual([
      {
        from: "google_service_account_key.connector_service_account_key",
        to: 'google_service_account_key.connector_service_account_key["1"]',
      },
    ]);
  });

  test("plan states the three steps and that the old key lives until Insights reports the new one Connected", () => {
    const existing = { id: "acme-insights", create: false, deletionPolicy: "PREVENT" } as const;
    expect(gcpNotices({ keyRotationDays: 30, project: existing })).toEqual([
      {
        kind: "step",
        text:
          "the service account key is rotated every 30 days by overlap: an apply adds the new key beside the old " +
          "one, register gives Insights the new key, and only once Insights reports it Connected does the next " +
          "apply delete the old key (up runs the three steps; by hand, pass the generations with " +
          "-var service_account_key_generations=[n,n+1], register, then [n+1])",
        origin:
          "hashicorp/terraform-provider-google " +
          "google/services/resourcemanager/resource_google_service_account_key.go " +
          "(Delete calls Keys.Delete at once, so a key is deleted only when its generation leaves the list)",
      },
    ]);
  });
});

describe("GCP key slots read back from the deployed stack's outputs", () => {
  const created = "2026-10-01T08:00:00Z";

  test("terraform output -json values, or their JSON text, give the slots; nothing deployed gives none", () => {
    const overlap = { current: { generation: 4 }, next: { generation: 5, createdAt: "2026-10-01T08:00:00.000Z" } };
    const createdAt = { service_account_key_created_at: created };
    expect(gcpKeySlotsFromOutputs({ service_account_key_generations: [4, 5], ...createdAt })).toEqual(overlap);
    expect(gcpKeySlotsFromOutputs({ service_account_key_generations: "[4,5]", ...createdAt })).toEqual(overlap);
    expect(gcpKeySlotsFromOutputs({})).toBeUndefined();
  });

  test("a stack from before key slots (a key, no generations) holds generation 1", () => {
    expect(
      gcpKeySlotsFromOutputs({ service_account_key: "(sensitive)", service_account_key_created_at: created }),
    ).toEqual({ current: { generation: 1, createdAt: "2026-10-01T08:00:00.000Z" } });
  });

  test("damaged generations are refused, never guessed", () => {
    expect(() => gcpKeySlotsFromOutputs({ service_account_key_generations: "[2" })).toThrow("nothing was changed");
    expect(() => gcpKeySlotsFromOutputs({ service_account_key_generations: [3, 1] })).toThrow("newer");
  });
});
