import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { IDENTITY_READ_ACTIONS } from "../../connectors/aws/read-actions";
import { runCli } from "../helpers/cli";
import { configWith, lineOf } from "../helpers/config-text";
import { HTTP_INSIGHTS, judge, rulesOf } from "../helpers/gate";

/**
 * The permission gate against an attacker who can only edit the tenant config: each numbered
 * case of issue 25 printed "No permission changes" (or a harmless-looking diff) and exited 0
 * before the gate judged trust, secret destinations and identity. Each must now exit 3, name
 * its rule, and point at the changed line of the head config.
 */

const HTTP = HTTP_INSIGHTS;

const PRA = `kind: pra-cloud
name: Acme PRA
subdomain: acme.beyondtrustcloud.com
clientId: env:PRA_CLIENT_ID
clientSecret: env:PRA_CLIENT_SECRET`;

const GITHUB = `kind: github
name: Acme GitHub
organization: acme`;

const OKTA = `kind: okta
name: Acme Okta
domain: acme.okta.com`;

const AWS_ORG = `kind: aws
name: AWS Organization
managementAccountId: "111111111111"
trustedPrincipal: arn:aws:iam::222222222222:root
externalId: env:INSIGHTS_AWS_EXTERNAL_ID
organization: { rootOrgUnitId: r-ab12 }
permissionsBoundary: arn:aws:iam::111111111111:policy/InsightsBoundary
maxSessionDurationSeconds: 3600`;

describe("issue 25: config-only attacks that passed the gate now exit 3", () => {
  let dir: string;
  beforeAll(() => (dir = mkdtempSync(join(tmpdir(), "gate-cases-"))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test("1. insights.url moved to another https host: every secret's new destination escalates, at the url's line", async () => {
    const base = configWith([PRA], HTTP);
    const head = base.replace("url: https://app.beyondtrust.io", "url: https://insights.attacker.example");
    const run = await judge(dir, "case1", base, head);
    expect(run.code).toBe(3);
    const escalations = run.json.escalations.filter((e: any) => e.rule === "secret-destination-host");
    // The tenant's API token and both PRA references (client ID and secret) now go to the new host.
    expect(escalations.map((e: any) => e.message)).toEqual([
      "acme: sends env:INSIGHTS_TOKEN (insights.token) to a new host insights.attacker.example/site/5a7f0c2e-1b2c-4d3e-8f40-123456789abc",
      "acme/Acme PRA: sends env:PRA_CLIENT_ID (clientId) to a new host insights.attacker.example/site/5a7f0c2e-1b2c-4d3e-8f40-123456789abc",
      "acme/Acme PRA: sends env:PRA_CLIENT_SECRET (clientSecret) to a new host insights.attacker.example/site/5a7f0c2e-1b2c-4d3e-8f40-123456789abc",
    ]);
    for (const e of escalations)
      expect(e.head).toEqual({ file: run.headFile, line: lineOf(head, "url:"), path: "tenants[0].insights.url" });
  });

  test("2a. a secret reference moved to a file outside the config's folder: reference and folder both escalate", async () => {
    const base = configWith([PRA], HTTP);
    const head = base.replace(
      "clientSecret: env:PRA_CLIENT_SECRET",
      "clientSecret: file:../../../root/.aws/credentials",
    );
    const run = await judge(dir, "case2a", base, head);
    expect(run.code).toBe(3);
    expect(rulesOf(run)).toEqual(["secret-reference-changed", "secret-file-outside-config"]);
    const changed = run.json.escalations.find((e: any) => e.rule === "secret-reference-changed");
    expect(changed.message).toMatch(
      /^acme\/Acme PRA: reads clientSecret from file:\.\.\/.*root\/\.aws\/credentials \(was env:PRA_CLIENT_SECRET\)$/,
    );
    expect(changed.head).toMatchObject({
      line: lineOf(head, "clientSecret:"),
      path: "tenants[0].connectors[0].clientSecret",
    });
  });

  test("2b. a client ID moved to another environment variable (a cloud secret) escalates", async () => {
    const base = configWith([PRA], HTTP);
    const head = base.replace("clientId: env:PRA_CLIENT_ID", "clientId: env:AWS_SECRET_ACCESS_KEY");
    const run = await judge(dir, "case2b", base, head);
    expect(run.code).toBe(3);
    expect(run.json.escalations.map((e: any) => [e.rule, e.message])).toEqual([
      [
        "secret-reference-changed",
        "acme/Acme PRA: reads clientId from env:AWS_SECRET_ACCESS_KEY (was env:PRA_CLIENT_ID)",
      ],
    ]);
  });

  test("3. GitHub apiUrl/webUrl moved to another host: the App's key (its signed JWT) goes there", async () => {
    const base = configWith([GITHUB], HTTP);
    const head = base.replace(
      "organization: acme",
      "organization: acme\n        apiUrl: https://ghe.attacker.example/api/v3\n        webUrl: https://ghe.attacker.example",
    );
    const run = await judge(dir, "case3", base, head);
    expect(run.code).toBe(3);
    expect(run.json.escalations.map((e: any) => [e.rule, e.message])).toEqual([
      ["secret-destination-host", "acme/Acme GitHub: sends output:pem (pemKey) to a new host ghe.attacker.example"],
    ]);
    // Both fields name the host; the first destination (the manifest flow's web host) is the one pointed at.
    expect(run.json.escalations[0].head).toMatchObject({ line: lineOf(head, "webUrl:") });
  });

  test("4. Okta domain moved to another org: the connector's key and the operator's API tokens would go there", async () => {
    const base = configWith([OKTA], HTTP);
    const head = base.replace("domain: acme.okta.com", "domain: attacker.okta.com");
    const run = await judge(dir, "case4", base, head);
    expect(run.code).toBe(3);
    expect(run.json.escalations.map((e: any) => e.message)).toEqual([
      "acme/Acme Okta: sends env:OKTA_API_TOKEN (Okta API token (Pulumi okta provider)) to a new host attacker.okta.com",
      "acme/Acme Okta: sends env:OKTA_CLIENT_TOKEN (Okta API token (verify)) to a new host attacker.okta.com",
      "acme/Acme Okta: sends output:privateKeyPem (pemKey) to a new host attacker.okta.com",
    ]);
    expect(run.json.escalations[0].head).toMatchObject({ line: lineOf(head, "domain:") });
  }, 60_000);

  test("5. a rename by case keeps the stacks: the connectors are the same ones, and their widening escalates", async () => {
    const azure = "kind: azure\nname: Entra\ntenantId: 0f5b7c1e-0000-4000-8000-000000000001\nazureResources: false";
    const gcp = `kind: gcp\nname: GCP\norganizationId: "123456789012"\nproject: { id: bt-insights-connector }\nenableApisOn: connector-project`;
    const base = configWith([azure, gcp], HTTP);
    const head = base
      .replace("name: Entra", "name: entra")
      .replace("azureResources: false", "azureResources: true")
      .replace("name: GCP", "name: gcp")
      .replace("enableApisOn: connector-project", "enableApisOn: all-projects");
    const run = await judge(dir, "case5", base, head);
    expect(run.code).toBe(3);
    expect(run.json.escalations.map((e: any) => [e.rule, e.message])).toEqual([
      ["scope-widened", "acme/entra: widens scope to azure-management-group:0f5b7c1e-0000-4000-8000-000000000001"],
      ["scope-widened", "acme/gcp: widens scope to gcp-organization-projects:123456789012"],
    ]);
    expect(run.json.connectors.map((c: any) => [c.identity, c.renamedFrom, c.name])).toEqual([
      ["acme-azure", "Entra", "entra"],
      ["acme-gcp", "GCP", "gcp"],
    ]);
  }, 60_000);

  test("6. AWS trustedPrincipal changed to a foreign account on the organization-wide role", async () => {
    const base = configWith([AWS_ORG], HTTP);
    const head = base.replace("arn:aws:iam::222222222222:root", "arn:aws:iam::666666666666:root");
    const run = await judge(dir, "case6", base, head);
    expect(run.code).toBe(3);
    expect(run.json.escalations.map((e: any) => [e.rule, e.message])).toEqual([
      [
        "trust-principal-added",
        "acme/AWS Organization: trusts a new principal arn:aws:iam::666666666666:root (account 666666666666) on StringEquals sts:ExternalId",
      ],
    ]);
    expect(run.json.escalations[0].head).toMatchObject({ line: lineOf(head, "trustedPrincipal:") });
  }, 60_000);

  test("7. permissionsBoundary removed: escalates, and plan shows the boundary in every format", async () => {
    const base = configWith([AWS_ORG], HTTP);
    const head = base.replace(/\n *permissionsBoundary: .*/, "");
    const run = await judge(dir, "case7", base, head);
    expect(run.code).toBe(3);
    expect(run.json.escalations.map((e: any) => [e.rule, e.message])).toEqual([
      [
        "boundary-removed-or-changed",
        "acme/AWS Organization: removes the permissions boundary arn:aws:iam::111111111111:policy/InsightsBoundary",
      ],
    ]);
    expect(run.json.escalations[0].base).toMatchObject({ path: "tenants[0].connectors[0].permissionsBoundary" });
    const config = join(dir, "case7.base.yaml");
    for (const format of ["table", "markdown", "json"]) {
      const plan = await runCli("plan", "--config", config, "--format", format, "--no-cache");
      expect(plan.stdout.replace(/\s+/g, " ")).toContain("arn:aws:iam::111111111111:policy/InsightsBoundary");
    }
  }, 90_000);

  test("8. drift (catalog read, artifact write): markdown and JSON both say why on stdout, exit 3", async () => {
    const config = configWith([AWS_ORG], HTTP);
    const baseConfig = join(dir, "case8.yaml");
    writeFileSync(baseConfig, config);
    const basePlan = join(dir, "case8.plan.json");
    writeFileSync(basePlan, (await runCli("plan", "--config", baseConfig, "--format", "json")).stdout);
    const actions = IDENTITY_READ_ACTIONS as Record<string, readonly string[]>;
    actions.IAM = ["iam:PassRole"];
    try {
      const markdown = await runCli("diff", "--config", baseConfig, "--base", basePlan, "--format", "markdown");
      expect(markdown.code).toBe(3);
      expect(markdown.stdout).toMatch(
        /acme\/AWS Organization: access differs: aws-action iam:PassRole @ aws-organization:r-ab12 \(catalog read, artifact write\) — acme-aws\.template\.json Resources\.(MemberAccounts\.TemplateBody Resources\.)?InsightsRole\w+/,
      );
      expect(markdown.stdout).toContain("`artifact-drift`");
      const json = await runCli("diff", "--config", baseConfig, "--base", basePlan, "--format", "json");
      expect(json.code).toBe(3);
      const drift = JSON.parse(json.stdout).escalations.filter((e: any) => e.rule === "artifact-drift");
      expect(drift.length).toBeGreaterThan(0);
      expect(drift[0].head).toMatchObject({ path: "tenants[0].connectors[0]", line: lineOf(config, "- kind: aws") });
    } finally {
      delete actions.IAM;
    }
  }, 90_000);
});
