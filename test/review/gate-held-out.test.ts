import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCli } from "../helpers/cli";
import { configWith, VALID } from "../helpers/config-text";
import { HTTP_INSIGHTS, judge, rulesOf } from "../helpers/gate";

/**
 * Config-only attacks of the same families as issue 25's cases, none of which the cases
 * themselves spell out: each must exit 3 under the rule of its family. A harmless change of the
 * same files (tags, a read-only permission group, a narrower setting) must still exit 0.
 */
const AWS = `kind: aws
name: AWS
managementAccountId: "111111111111"
trustedPrincipal: arn:aws:iam::222222222222:root
externalId: env:INSIGHTS_AWS_EXTERNAL_ID
permissionsBoundary: arn:aws:iam::111111111111:policy/InsightsBoundary
tags: { team: security }`;

const PING = `kind: pingone
name: Ping
environmentId: 3f1a2b4c-0000-4000-8000-000000000002
region: EU`;

const ENTRA = `kind: azure
name: Contoso Entra
tenantId: 0f5b7c1e-0000-4000-8000-000000000001
azureResources: false
permissionGroups: [core-directory, risk]`;

type Attack = [title: string, connectors: string[], edit: (text: string) => string, rules: string[], insights?: string];

/** The tenant's `insights:` lines as configWith() indents them. */
const indented = (insights: string) =>
  insights
    .split("\n")
    .map((line) => `      ${line}`)
    .join("\n");

const ATTACKS: Attack[] = [
  [
    "the Insights site moved on the same host (another customer's tenant)",
    [VALID["pra-cloud"]],
    (t) => t.replace("5a7f0c2e-1b2c-4d3e-8f40-123456789abc", "00000000-0000-4000-8000-00000000beef"),
    ["secret-destination-host"],
  ],
  [
    "the Insights API token read from another variable",
    [VALID["pra-cloud"]],
    (t) => t.replace("token: env:INSIGHTS_TOKEN", "token: env:GITHUB_TOKEN"),
    ["secret-reference-changed"],
  ],
  [
    "a sheet tenant switched to an Insights API (secrets leave the machine)",
    [VALID["pra-cloud"]],
    (t) => t.replace(indented("adapter: sheet"), indented(HTTP_INSIGHTS)),
    ["secret-destination-host"],
    "adapter: sheet",
  ],
  [
    "the PRA site moved to another customer's site",
    [VALID["pra-cloud"]],
    (t) => t.replace("subdomain: acme.beyondtrustcloud.com", "subdomain: attacker.beyondtrustcloud.com"),
    ["secret-destination-host"],
  ],
  [
    "the EPM domain moved",
    [VALID["epm-cloud"]],
    (t) => t.replace("https://acme.pm.beyondtrustcloud.com", "https://epm.attacker.example"),
    ["secret-destination-host"],
  ],
  [
    "the Password Safe appliance URL moved (the Collector would send its API key there)",
    [VALID["password-safe-onprem"]],
    (t) => t.replace("https://ps.corp.example/", "https://ps.attacker.example/"),
    ["secret-destination-host"],
  ],
  [
    "a secret read from an absolute path",
    [VALID["epm-cloud"]],
    (t) => t.replace("clientSecret: env:EPM_SECRET", "clientSecret: file:/etc/ssh/ssh_host_ed25519_key"),
    ["secret-reference-changed", "secret-file-outside-config"],
  ],
  [
    "a PingOne region moved (token endpoint and the operator's worker secret)",
    [PING],
    (t) => t.replace("region: EU", "region: NA"),
    ["secret-destination-host"],
  ],
  [
    "a PingOne environment swapped",
    [PING],
    (t) => t.replace("3f1a2b4c-0000-4000-8000-000000000002", "3f1a2b4c-0000-4000-8000-0000000000ff"),
    ["secret-destination-host"],
  ],
  [
    "the GitHub web URL alone moved (the manifest flow's browser and the API derived from it)",
    [VALID.github],
    (t) => t.replace("organization: acme", "organization: acme\n        webUrl: https://github.attacker.example"),
    ["secret-destination-host"],
  ],
  [
    "the AWS role's session raised to 12 hours",
    [AWS],
    (t) => t.replace("tags: { team: security }", "tags: { team: security }\n        maxSessionDurationSeconds: 43200"),
    ["session-longer"],
  ],
  [
    "the AWS permissions boundary swapped for another policy",
    [AWS],
    (t) => t.replace("policy/InsightsBoundary", "policy/AdministratorAccessBoundary"),
    ["boundary-removed-or-changed"],
  ],
  [
    "the AWS management account moved (the external ID goes to its CloudFormation)",
    [AWS],
    (t) => t.replace(/111111111111/g, "999999999999"),
    ["secret-destination-host"],
  ],
  [
    "a new organization-wide AWS connector beside an existing one (judged against nothing)",
    [ENTRA],
    (t) =>
      t.replace(
        "    connectors:\n",
        `    connectors:\n${AWS.replace("name: AWS", "name: AWS Org\norganization: { rootOrgUnitId: r-ab12 }")
          .split("\n")
          .map((line, i) => (i === 0 ? `      - ${line}` : `        ${line}`))
          .join("\n")}\n`,
      ),
    ["scope-widened", "trust-principal-added", "session-longer", "secret-destination-host"],
  ],
  [
    "a rename by case that also turns on Reader at the root management group",
    [ENTRA],
    (t) =>
      t.replace("name: Contoso Entra", "name: contoso entra").replace("azureResources: false", "azureResources: true"),
    ["scope-widened"],
  ],
];

describe("held-out config-only attacks of issue 25's families exit 3; harmless changes exit 0", () => {
  let dir: string;
  beforeAll(() => (dir = mkdtempSync(join(tmpdir(), "gate-held-out-"))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  // One object per row: jest passes a `done` callback to a function with more parameters than its row has.
  test.each(ATTACKS.map((attack, i) => ({ i: i + 1, title: attack[0], attack })))(
    "$i. $title",
    async ({ i, attack: [, connectors, edit, rules, insights] }) => {
      const base = configWith(connectors, insights ?? HTTP_INSIGHTS);
      const head = edit(base);
      expect(head).not.toBe(base);
      const run = await judge(dir, `attack${i}`, base, head);
      expect(run.code).toBe(3);
      expect(rulesOf(run)).toEqual(expect.arrayContaining(rules));
      for (const e of run.json.escalations) expect(e.message).not.toMatch(/[\u0000-\u001f]/);
    },
    90_000,
  );

  test("a file: secret inside the config's folder that is a symlink to a file outside it escalates", async () => {
    const folder = join(dir, "linked");
    mkdirSync(join(folder, "secrets"), { recursive: true });
    // An owner-only file, as a secret file must be (a group-readable one is refused before any diff).
    writeFileSync(join(dir, "outside.secret"), "not a secret", { mode: 0o600 });
    symlinkSync(join(dir, "outside.secret"), join(folder, "secrets", "pra.secret"));
    const base = configWith([VALID["pra-cloud"]], HTTP_INSIGHTS);
    const head = base.replace("clientSecret: env:PRA_SECRET", "clientSecret: file:secrets/pra.secret");
    const basePlan = await judge(folder, "base", base, base);
    expect(basePlan.code).toBe(0);
    writeFileSync(join(folder, "head.yaml"), head);
    const run = await runCli(
      "diff",
      "--config",
      join(folder, "head.yaml"),
      "--base",
      join(folder, "base.base.json"),
      "--json",
    );
    expect(run.code).toBe(3);
    const escalations = JSON.parse(run.stdout).escalations.filter((e: any) => e.rule === "secret-file-outside-config");
    expect(escalations.map((e: any) => e.message)).toEqual([
      "acme/PRA: reads file:secrets/pra.secret (clientSecret) from outside the config's folder",
    ]);
  });

  test("harmless: tags, a read-only permission group and narrower settings exit 0, and are listed where they change grants", async () => {
    const base = configWith([AWS, ENTRA], HTTP_INSIGHTS);
    const head = base
      .replace("tags: { team: security }", 'tags: { team: identity, cost-center: "42" }')
      .replace("permissionGroups: [core-directory, risk]", "permissionGroups: [core-directory, risk, hybrid]");
    const run = await judge(dir, "harmless", base, head);
    expect([run.code, run.json.escalations]).toEqual([0, []]);
    // The added group's read grants are listed, each as read.
    const entra = run.json.connectors.find((c: any) => c.identity === "acme-azure");
    expect(entra.grants.length).toBeGreaterThan(0);
    expect(entra.grants.every((g: any) => g.change === "added" && g.grant.access === "read")).toBe(true);
    expect(run.json.connectors.map((c: any) => c.identity)).toEqual(["acme-azure"]);
  }, 90_000);

  test("narrowing passes: a shorter session, a boundary added, a secret no longer sent anywhere", async () => {
    const base = configWith(
      [
        AWS.replace(/\npermissionsBoundary: .*/, "") + "\nmaxSessionDurationSeconds: 7200",
        VALID["password-safe-cloud"],
      ],
      HTTP_INSIGHTS,
    );
    const head = base
      .replace(
        "maxSessionDurationSeconds: 7200",
        "maxSessionDurationSeconds: 3600\n        permissionsBoundary: arn:aws:iam::111111111111:policy/B",
      )
      .replace(/\n *- kind: password-safe-cloud[^]*$/, "\n");
    const run = await judge(dir, "narrowing", base, head);
    expect([run.code, run.json.escalations]).toEqual([0, []]);
    const settings = run.json.connectors.find((c: any) => c.identity === "acme-aws").settings;
    expect(settings).toEqual(
      expect.arrayContaining([
        {
          setting: "AWS role BeyondTrustInsightsReadOnly permissions boundary",
          after: "arn:aws:iam::111111111111:policy/B",
        },
        { setting: "AWS role BeyondTrustInsightsReadOnly maximum session", before: "7200 s", after: "3600 s" },
      ]),
    );
  }, 90_000);
});
