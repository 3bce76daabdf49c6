import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { GcpConnectorConfig } from "../../connectors/gcp/config";
import { InsightsGcpConnectorStack, gcpStackProps } from "../../stacks/gcp/gcp-connector-stack";
import { gcpKeyGenerationsVariables, gcpKeySlotsFromOutputs } from "../../stacks/gcp/connector-service-account";
import { VALID } from "../helpers/config-text";
import { requireTool } from "../helpers/require-tool";
import { connectorFrom, synthJson, type TerraformJson } from "../stacks/cdktf/helpers";

function synth() {
  const connector = connectorFrom<GcpConnectorConfig>(VALID.gcp);
  return synthJson(
    (app) => new InsightsGcpConnectorStack(app, "acme-gcp", gcpStackProps(connector)),
  ) as TerraformJson & {
    variable: Record<string, unknown>;
    moved: { from: string; to: string }[];
  };
}

/**
 * The synthesized expressions run through real Terraform on `terraform_data` (built in, no provider
 * download): the same variable, validation, `for_each`, index of the registered key and `moved`
 * block, with only the resource type and its id attribute swapped for the built-in one.
 */
describe("GCP key slots through real Terraform (terraform_data stands in for google_service_account_key)", () => {
  const terraform = requireTool("terraform", "applying the GCP key slots with terraform_data");
  const dir = mkdtempSync(join(tmpdir(), "gcp-key-slots-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const tf = (args: string[], generations?: number[]) => {
    const env: NodeJS.ProcessEnv = { ...process.env, TF_IN_AUTOMATION: "1", CHECKPOINT_DISABLE: "1" };
    if (generations) {
      const [current, next] = generations;
      const slots = { current: { generation: current }, ...(next ? { next: { generation: next } } : {}) };
      const [[name, value]] = Object.entries(gcpKeyGenerationsVariables(slots));
      env[`TF_VAR_${name}`] = value;
    }
    return spawnSync("terraform", [...args, "-no-color"], { cwd: dir, env, encoding: "utf8", timeout: 120_000 });
  };
  const write = (config: object) => writeFileSync(join(dir, "main.tf.json"), JSON.stringify(config));
  const standIn = (text: string) =>
    text.replaceAll("google_service_account_key.", "terraform_data.").replaceAll(".valid_after", ".id");
  const apply = (generations?: number[]) => {
    const run = tf(["apply", "-input=false", "-auto-approve"], generations);
    if (run.status !== 0) throw new Error(run.stderr);
    return JSON.parse(tf(["output", "-json"]).stdout) as Record<string, { value: unknown }>;
  };
  const ids = () => tf(["state", "list"]).stdout.trim().split("\n").sort();

  const title = "pre-rotation key → [1] keeps it, [1,2] adds one, [2] deletes the old; bad lists refused";
  terraform.test(
    `${title}${terraform.note}`,
    () => {
      const json = synth();
      write({ resource: { terraform_data: { connector_service_account_key: { input: "legacy" } } } });
      expect(tf(["init", "-input=false"]).status).toBe(0);
      apply();
      const legacyId = JSON.parse(tf(["show", "-json"]).stdout).values.root_module.resources[0].values.id as string;

      write({
        variable: json.variable,
        moved: JSON.parse(standIn(JSON.stringify(json.moved))),
        resource: {
          terraform_data: {
            connector_service_account_key: {
              for_each: json.resource.google_service_account_key.connector_service_account_key.for_each,
              input: "${each.key}",
            },
          },
        },
        output: {
          registered_id: { value: standIn(json.output.service_account_key_created_at.value as string) },
          generations: json.output.service_account_key_generations,
        },
      });
      const moved = apply([1]);
      expect(moved.registered_id.value).toBe(legacyId);
      expect(moved.generations.value).toBe("[1]");

      const overlap = apply([1, 2]);
      expect(ids()).toEqual([
        'terraform_data.connector_service_account_key["1"]',
        'terraform_data.connector_service_account_key["2"]',
      ]);
      expect(overlap.registered_id.value).not.toBe(legacyId);
      const newKey = overlap.registered_id.value;
      // What the apply recorded reads back as the slots the next run starts from.
      expect(gcpKeySlotsFromOutputs({ service_account_key_generations: overlap.generations.value })).toEqual({
        current: { generation: 1 },
        next: { generation: 2 },
      });

      const done = apply([2]);
      expect(ids()).toEqual(['terraform_data.connector_service_account_key["2"]']);
      expect(done.registered_id.value).toBe(newKey);

      for (const [bad, message] of [
        [[3, 2], "The second generation must be the newer one."],
        [[], "Keep one key, or two during a rotation."],
      ] as const) {
        const env = { TF_VAR_service_account_key_generations: JSON.stringify(bad) };
        const run = spawnSync("terraform", ["plan", "-input=false", "-no-color"], {
          cwd: dir,
          env: { ...process.env, ...env, TF_IN_AUTOMATION: "1" },
          encoding: "utf8",
          timeout: 120_000,
        });
        expect(run.status).not.toBe(0);
        expect(run.stderr.replace(/\s+/g, " ")).toContain(message);
      }
      const forgotten = tf(["plan", "-input=false"]);
      expect(forgotten.status).not.toBe(0);
      expect(forgotten.stderr).toContain("No value for required variable");
      // A destroy needs a value too, but any valid one removes every key in the state (down).
      expect(tf(["destroy", "-input=false", "-auto-approve"], [1]).status).toBe(0);
      expect(tf(["state", "list"]).stdout.trim()).toBe("");
    },
    300_000,
  );
});
