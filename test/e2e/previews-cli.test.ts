// Issue 26, item 5: `up --dry-run` and `down --dry-run` (and `down` without --yes) on the example with every
// kind print the resource-level preview. No cloud credentials here, so every stack shows its synthesized
// resources and says why; no secret is printed, and nothing is changed or written.
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { INSIGHTS_CONNECTOR_KINDS } from "../../connectors/catalog";
import { InsightsEmulator } from "../../providers/insights/emulator/server";
import { REPO, spawnCliAsync } from "../helpers/cli";

const CONFIG = join(REPO, "examples", "all-sources.yaml");
/** A value per secret reference of the example: none may appear in any output. */
const CANARIES = Object.fromEntries(
  [
    "INSIGHTS_TOKEN",
    "INSIGHTS_AWS_EXTERNAL_ID",
    "PRA_CLIENT_ID",
    "PRA_CLIENT_SECRET",
    "EPM_CLIENT_ID",
    "EPM_CLIENT_SECRET",
    "RS_CLIENT_ID",
    "RS_CLIENT_SECRET",
    "PS_API_KEY",
    "PS_PASSWORD",
    "PS_ONPREM_API_KEY",
  ].map((name) => [name, `canary-${name.toLowerCase()}-9e4b`]),
);

let work: string;
let emulator: InsightsEmulator;
beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), "previews-cli-"));
  emulator = await InsightsEmulator.start({ kinds: INSIGHTS_CONNECTOR_KINDS });
});
afterAll(async () => {
  await emulator?.stop();
  if (work) rmSync(work, { recursive: true, force: true });
});

/** This machine's environment without any cloud credential: no AWS variables, an empty home, no IMDS. */
function noCredentials(): NodeJS.ProcessEnv {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !/^(AWS_|ARM_|AZURE_|GOOGLE_|PINGONE_|OKTA_|PULUMI_)/.test(name)),
  );
  return { ...env, ...CANARIES, HOME: join(work, "home"), AWS_EC2_METADATA_DISABLED: "true" };
}

const lifecycle = (command: string, ...extra: string[]) =>
  spawnCliAsync(
    [
      command,
      "--config",
      CONFIG,
      "--tenant",
      "acme-prod",
      "--emulator",
      emulator.url,
      "--state-dir",
      join(work, "state"),
      "--cdktf-out",
      join(work, "cdktf.out"),
      ...extra,
    ],
    noCredentials(),
  );

/** The lines of `text` from the one starting with `first` up to (not including) the next connector's. */
function section(text: string, first: string): string[] {
  const lines = text.split("\n");
  const start = lines.indexOf(first);
  expect(start).toBeGreaterThanOrEqual(0);
  const end = lines.findIndex((line, i) => i > start && /^\S/.test(line));
  return lines.slice(start, end < 0 ? undefined : end);
}

function expectNoSecretAndNothingWritten(run: { stdout: string; stderr: string }): void {
  for (const canary of Object.values(CANARIES)) expect(run.stdout + run.stderr).not.toContain(canary);
  expect(existsSync(join(work, "state")) ? readdirSync(join(work, "state")) : []).toEqual([]);
  expect(existsSync(join(work, "cdktf.out"))).toBe(false);
}

describe("previews on examples/all-sources.yaml, without credentials", () => {
  test("up --dry-run prints each stack's resources as synthesized, with why the engine could not preview", async () => {
    const run = await lifecycle("up", "--dry-run");
    expect([run.code, run.stderr.split("\n").filter((l) => /^error/.test(l))]).toEqual([0, []]);
    const out = run.stdout;
    expect(out.split("\n")[0]).toBe("up --dry-run for acme-prod: nothing was changed, and Insights was not contacted");

    const aws = section(out, "AWS Organization (aws): would run:");
    // The steps in order; the external ID would be asked of Insights (here the emulator), not now.
    expect(aws.slice(1, 5)).toEqual([
      `  1. AWS external ID: POST ${emulator.url}/api/v1/sites/5a7f0c2e-1b2c-4d3e-8f40-123456789abc/aws-external-id`,
      expect.stringMatching(/^ {2}2\. deploy: CDK toolkit deploy acme-prod-aws /),
      '  3. register: create or update "AWS Organization" (aws) in Insights by kind and name',
      "  4. wait for the first connectivity check (Connected)",
    ]);
    expect(out).toContain("insights-connectors github create-app --config");
    expect(aws).toContainEqual(
      expect.stringMatching(
        /^ {2}resources as synthesized, not compared with what is deployed \(the CDK toolkit could not diff here: /,
      ),
    );
    expect(aws).toEqual(
      expect.arrayContaining([
        "    ? create or update  AWS::IAM::Role  InsightsRoleAEC280F2",
        "    ? create or update  AWS::CloudFormation::StackSet  MemberAccounts",
      ]),
    );
    // The external ID is a parameter of the deploy, shown masked, and no cdk child is named.
    expect(aws).toContain(
      "  2. deploy: CDK toolkit deploy acme-prod-aws (in process, method change-set; parameter BtConnectorExternalId=***)",
    );

    const azure = section(out, "Contoso Entra (azure): would run:");
    expect(azure).toContainEqual(
      expect.stringMatching(
        /^ {2}resources as synthesized, not compared with what is deployed \((terraform could not plan here|neither terraform nor tofu is on PATH)/,
      ),
    );
    expect(azure).toEqual(
      expect.arrayContaining([
        "    ? create or update  azuread_application  azuread_application.connector_application",
        "    ? create or update  azuread_service_principal  azuread_service_principal.connector_service_principal",
      ]),
    );
    const gcp = section(out, "Acme GCP (gcp): would run:");
    expect(gcp).toContain("    ? create or update  google_project  google_project.connector_project");
    expect(gcp).toContainEqual(
      expect.stringMatching(
        /^ {4}\? create or update {2}google_service_account_key {2}google_service_account_key\.\S+ {2}\(for_each: one per key\)$/,
      ),
    );
    const okta = section(out, "Acme Okta (okta): would run:");
    expect(okta).toContainEqual(
      expect.stringMatching(
        /^ {2}resources as synthesized, not compared with what is deployed \(pulumi preview needs the Pulumi CLI: /,
      ),
    );
    expect(okta).toContainEqual(expect.stringMatching(/^ {4}\? create or update {2}okta:app\/oAuth:OAuth {2}/));
    const pingone = section(out, "Acme PingOne (pingone): would run:");
    expect(pingone).toContainEqual(
      expect.stringMatching(/^ {4}\? create or update {2}pingone_application {2}pingone_application\./),
    );
    const github = section(out, "Acme GitHub (github): would run:");
    expect(github).toContainEqual(
      expect.stringMatching(
        /^ {4}\+ create {2}GitHub App {2}Acme GitHub {2}\(an organization owner creates it in a browser: insights-connectors github create-app /,
      ),
    );
    // Registration-only kinds have no stack, so no preview.
    expect(section(out, "Acme PRA (pra-cloud): would run:").some((l) => l.includes("resources as synthesized"))).toBe(
      false,
    );

    expectNoSecretAndNothingWritten(run);
    expect(await emulator.all()).toEqual([]);
  }, 600_000);

  test("down --dry-run lists the connectors, the stacks in reverse order with their resources, and what stays", async () => {
    const run = await lifecycle("down", "--dry-run");
    expect(run.code).toBe(0);
    const lines = run.stdout.split("\n");
    expect(lines[0]).toBe("down --dry-run for acme-prod: nothing was changed");
    // The emulator was asked (a read) and holds none of them.
    expect(section(run.stdout, "Insights connectors:").slice(1, 4)).toEqual([
      "  not in Insights: nothing to delete: AWS Organization (aws)",
      "  not in Insights: nothing to delete: Contoso Entra (azure)",
      "  not in Insights: nothing to delete: Acme GCP (gcp)",
    ]);
    const stacks = section(run.stdout, "stacks, destroyed in this order:").filter((l) => /^ {2}\S/.test(l));
    expect(stacks).toEqual([
      "  acme-prod-github (Acme GitHub, github-app-manifest)",
      "  acme-prod-pingone (Acme PingOne, cdktf)",
      "  acme-prod-okta (Acme Okta, pulumi)",
      "  acme-prod-gcp (Acme GCP, cdktf)",
      "  acme-prod-azure (Contoso Entra, cdktf)",
      "  acme-prod-aws (AWS Organization, aws-cdk)",
    ]);
    const aws = section(run.stdout, "stacks, destroyed in this order:");
    expect(aws).toEqual(
      expect.arrayContaining([
        "      ? delete if deployed  AWS::IAM::Role  InsightsRoleAEC280F2",
        "      ? delete if deployed  azuread_application  azuread_application.connector_application",
        "      ? delete if deployed  google_project  google_project.connector_project",
      ]),
    );
    expect(section(run.stdout, "local files:")).toEqual(["local files:", "  none on this machine"]);
    expect(section(run.stdout, "left in place by design:")).toEqual([
      "left in place by design:",
      "  the GCP project bt-insights-connector of Acme GCP: project.deletionPolicy is PREVENT: Terraform refuses to " +
        "delete it; set DELETE and run up before down to delete it",
      "  the Cloud Asset, Cloud Resource Manager and Logging APIs, on every project the stack enabled them on of " +
        "Acme GCP: the stack never disables an API on destroy (disable_on_destroy = false): other workloads may use it",
      "  the GitHub App registration of Acme GitHub: only an organization owner (or app manager) can delete a GitHub " +
        "App registration, in the web UI: organization Settings > Developer settings > GitHub Apps > the app > " +
        "Advanced > Delete GitHub App",
      "",
    ]);
    expectNoSecretAndNothingWritten(run);
  }, 600_000);

  test("down without --yes prints the same list (synthesized), then refuses with exit 2, changing nothing", async () => {
    const run = await lifecycle("down", "--preview", "synthesized");
    expect(run.code).toBe(2);
    expect(run.stdout).toContain("stacks, destroyed in this order:");
    expect(run.stdout).toContain("      ? delete if deployed  AWS::IAM::Role  InsightsRoleAEC280F2");
    expect(run.stdout).toContain("(asked for the synthesized stack only)");
    expect(run.stderr).toMatch(
      /error: down changes clouds and Insights; add --yes to go ahead \(it does what is listed above/,
    );
    expectNoSecretAndNothingWritten(run);
  }, 600_000);
});
