import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { AzureConnectorConfig } from "../../connectors/azure/config";
import type { GcpConnectorConfig } from "../../connectors/gcp/config";
import type { PingOneConnectorConfig } from "../../connectors/pingone/config";
import { entraStackProps, InsightsEntraConnectorStack } from "../../stacks/azure/entra-connector-stack";
import { entraSecretGenerationsVariables } from "../../stacks/azure/rotating-client-secret";
import { gcpKeyGenerationsVariables } from "../../stacks/gcp/connector-service-account";
import { gcpStackProps, InsightsGcpConnectorStack } from "../../stacks/gcp/gcp-connector-stack";
import { InsightsPingOneConnectorStack, pingoneStackProps } from "../../stacks/pingone/pingone-connector-stack";
import { VALID } from "../helpers/config-text";
import { ENTRA_SHAPES, GCP_SHAPES, PINGONE_SHAPES, type EarlierShape } from "../helpers/earlier-stack-shapes";
import { requireTool } from "../helpers/require-tool";
import { standIn, terraformIn, type CredentialShape } from "../helpers/terraform-stand-in";
import { connectorFrom, synthJson } from "../stacks/cdktf/helpers";

const T0 = "2026-01-01T00:00:00.000Z";

/** Each kind's stack as synthesized now, and the variables its first apply after the upgrade gets from `up`. */
const NOW = {
  gcp: () => ({
    shape: synthJson(
      (app) =>
        new InsightsGcpConnectorStack(app, "acme-gcp", gcpStackProps(connectorFrom<GcpConnectorConfig>(VALID.gcp))),
    ) as unknown as CredentialShape,
    variables: gcpKeyGenerationsVariables({ current: { generation: 1 } }),
  }),
  azure: () => ({
    shape: synthJson(
      (app) =>
        new InsightsEntraConnectorStack(
          app,
          "acme-azure",
          entraStackProps(connectorFrom<AzureConnectorConfig>(VALID.azure)),
        ),
    ) as unknown as CredentialShape,
    variables: entraSecretGenerationsVariables({ current: { generation: 1, createdAt: T0 } }),
  }),
  pingone: () => ({
    shape: synthJson(
      (app) =>
        new InsightsPingOneConnectorStack(
          app,
          "acme-pingone",
          pingoneStackProps(connectorFrom<PingOneConnectorConfig>(VALID.pingone)),
        ),
    ) as unknown as CredentialShape,
    variables: {} as Record<string, string>,
  }),
};

/** The `ignore_changes` of the credential as synthesized now: what an upgrade may change without replacing it. */
function ignoredNow(shape: CredentialShape, type: string, name: string): string[] {
  const lifecycle = shape.resource[type]?.[name]?.lifecycle as { ignore_changes?: string[] } | undefined;
  return lifecycle?.ignore_changes ?? [];
}

/**
 * Applies `earlier` with Terraform, then the stack as synthesized now, and returns the credential's
 * id before and after (the address the `moved` block gives it): equal when the upgrade kept it.
 */
function upgrade(dir: string, earlier: EarlierShape, kind: keyof typeof NOW) {
  const { type, name, after } = earlier.credential;
  const now = NOW[kind]();
  const ignored = ignoredNow(now.shape, type, name);
  const terraform = terraformIn(dir);
  terraform.write(standIn(earlier, type, ignored));
  expect(terraform.run(["init", "-input=false"]).status).toBe(0);
  terraform.apply(earlier.variables);
  const before = Object.entries(terraform.ids()).find(([address]) => address.startsWith(`terraform_data.${name}`))!;
  terraform.write(standIn(now.shape, type, ignored));
  terraform.apply(now.variables);
  const stand = after.replace(`${type}.`, "terraform_data.");
  return { before: before[1], after: terraform.ids()[stand], terraform, ignored };
}

describe("upgrade: every credential an earlier main could have deployed survives the first apply of today's stack", () => {
  const terraform = requireTool("terraform", "applying earlier stack shapes and today's with terraform_data stand-ins");
  const dirs: string[] = [];
  const tempDir = () => {
    const dir = mkdtempSync(join(tmpdir(), "upgrade-"));
    dirs.push(dir);
    return dir;
  };
  afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  const keeps = [
    ...GCP_SHAPES.map((shape) => ({ shape, kind: "gcp" as const })),
    ...ENTRA_SHAPES.map((shape) => ({ shape, kind: "azure" as const })),
    ...PINGONE_SHAPES.slice(1).map((shape) => ({ shape, kind: "pingone" as const })),
  ];
  terraform.test.each(keeps.map((c) => ({ ...c, label: c.shape.label })))(
    `upgrade from $label keeps the registered credential${terraform.note}`,
    ({ shape, kind }) => {
      const { before, after } = upgrade(tempDir(), shape, kind);
      expect(after).toBe(before);
    },
    300_000,
  );

  terraform.test(
    `upgrade from ${PINGONE_SHAPES[0].label} would regenerate the secret: up refuses it (lifecycle test)${terraform.note}`,
    () => {
      // Adding regenerate_trigger_values is an Update, and PingOne's Update regenerates the secret.
      const { before, after } = upgrade(tempDir(), PINGONE_SHAPES[0], "pingone");
      expect(after).not.toBe(before);
    },
    300_000,
  );

  terraform.test(
    `upgrade: Entra secret slots after the upgrade: [1,2] adds one, [2] deletes the old; bad lists refused${terraform.note}`,
    () => {
      const { before, terraform: tf } = upgrade(tempDir(), ENTRA_SHAPES[0], "azure");
      const slots = { current: { generation: 1, createdAt: T0 }, next: { generation: 2, createdAt: T0 } };
      const both = entraSecretGenerationsVariables(slots);
      tf.apply(both);
      expect(tf.ids()).toEqual({
        'terraform_data.client_secret["1"]': before,
        'terraform_data.client_secret["2"]': expect.any(String),
      });
      const newest = tf.ids()['terraform_data.client_secret["2"]'];
      tf.apply(entraSecretGenerationsVariables({ current: { generation: 2, createdAt: T0 } }));
      expect(tf.ids()).toEqual({ 'terraform_data.client_secret["2"]': newest });
      for (const [bad, message] of [
        [
          [
            { generation: 3, created_at: T0 },
            { generation: 2, created_at: T0 },
          ],
          "The second generation must be the newer one.",
        ],
        [[], "Keep one secret, or two during a rotation."],
        [[{ generation: 1, created_at: "yesterday" }], "Each created_at is an RFC 3339 time"],
      ] as const) {
        const run = tf.run(["plan", "-input=false"], { client_secret_generations: JSON.stringify(bad) });
        expect(run.status).not.toBe(0);
        expect(run.stderr.replace(/\s+/g, " ")).toContain(message);
      }
    },
    300_000,
  );
});
