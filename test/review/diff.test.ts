import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CLI, REPO, runCli } from "../helpers/cli";

/** A plan of a config text, made by the CLI (grants extracted from the synthesized stacks). */
async function planOf(
  dir: string,
  name: string,
  configText: string,
): Promise<{ config: string; plan: string; json: any }> {
  const config = join(dir, `${name}.yaml`);
  writeFileSync(config, configText);
  const run = await runCli("plan", "--config", config, "--format", "json");
  expect(run.stderr).toBe("");
  const plan = join(dir, `${name}.plan.json`);
  writeFileSync(plan, run.stdout);
  return { config, plan, json: JSON.parse(run.stdout) };
}

const example = (file: string) => readFileSync(join(REPO, "examples", file), "utf8");

describe("diff: permission changes between two plans", () => {
  let dir: string;
  beforeAll(() => (dir = mkdtempSync(join(tmpdir(), "diff-"))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test("no change: exit 0, and markdown says so", async () => {
    const base = await planOf(dir, "same", example("aws-single-account.yaml"));
    const run = await runCli("diff", "--config", base.config, "--base", base.plan, "--format", "markdown");
    expect([run.code, run.stdout]).toEqual([0, "### Insights connectors: no permission changes\n"]);
  });

  test("single account → organization widens the scope: exit 3, the grants move, the StackSet target is added", async () => {
    const base = await planOf(dir, "account", example("aws-single-account.yaml"));
    const head = example("aws-single-account.yaml").replace(
      "trustedPrincipal: arn:aws:iam::222222222222:root",
      "trustedPrincipal: arn:aws:iam::222222222222:root\n        organization: { rootOrgUnitId: r-ab12 }",
    );
    const headConfig = join(dir, "organization.yaml");
    writeFileSync(headConfig, head);
    const run = await runCli("diff", "--config", headConfig, "--base", base.plan, "--format", "json");
    expect(run.code).toBe(3);
    const diff = JSON.parse(run.stdout);
    expect(diff.escalations.map((e: any) => e.message)).toEqual([
      "acme-dev/AWS Dev Account: widens scope to aws-organization:r-ab12",
    ]);
    expect(diff.connectors[0].scopes).toMatchObject({
      added: ["aws-organization:r-ab12"],
      removed: ["aws-account:333333333333"],
    });
    expect(diff.connectors[0].grants).toEqual([
      { change: "added", grant: expect.objectContaining({ kind: "aws-stackset-target", name: "r-ab12" }) },
    ]);
    expect((await runCli("diff", "--config", headConfig, "--base", base.plan, "--allow-escalation")).code).toBe(0);
  });

  test("GCP connector project → all projects widens the scope (exit 3)", async () => {
    const text = example("gcp-folder-project.yaml");
    const base = await planOf(
      dir,
      "gcp-list",
      text.replace("enableApisOn: [globex-prod-data, globex-prod-web]", "enableApisOn: connector-project"),
    );
    const headConfig = join(dir, "gcp-all.yaml");
    writeFileSync(
      headConfig,
      text.replace("enableApisOn: [globex-prod-data, globex-prod-web]", "enableApisOn: all-projects"),
    );
    const run = await runCli("diff", "--config", headConfig, "--base", base.plan);
    expect(run.code).toBe(3);
    expect(run.stdout).toContain("widens scope to gcp-organization-projects:987654321098");
  });

  test("dropping a permission group removes grants (exit 0); a shorter secret lifetime is reported, not escalated", async () => {
    const text = example("azure-only.yaml");
    const base = await planOf(dir, "azure-base", text);
    const headConfig = join(dir, "azure-head.yaml");
    writeFileSync(
      headConfig,
      text
        .replace(
          "permissionGroups: [core-directory, risk, hybrid, governance, activity-feed]",
          "permissionGroups: [core-directory, risk, hybrid, governance]",
        )
        .replace("secretRotationDays: 60", "secretRotationDays: 30"),
    );
    const run = await runCli("diff", "--config", headConfig, "--base", base.plan, "--format", "markdown");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      "| - | office365-app-role ActivityFeed.Read @ entra-tenant:0f5b7c1e-0000-4000-8000-000000000001 | read |",
    );
    // Read from the artifacts: the Entra secret lives its rotation plus the stack's 30-day overlap.
    expect(run.stdout).toContain(
      "Entra client secret lifetime: rotated every 60 days, each valid 90 days, the replaced one stops at once → " +
        "rotated every 30 days, each valid 60 days, the replaced one stops at once",
    );
  });

  test("a trust principal change and removing the external ID condition: trust changes, exit 3", async () => {
    const base = await planOf(dir, "trust", example("aws-single-account.yaml"));
    const head = JSON.parse(readFileSync(base.plan, "utf8"));
    const trust = head.tenants[0].connectors[0].extractedGrants.find((g: any) => g.kind === "trust");
    trust.name = "arn:aws:iam::444444444444:root";
    delete trust.condition;
    const headPlan = join(dir, "trust-head.plan.json");
    writeFileSync(headPlan, JSON.stringify(head));
    const run = await runCli("diff", "--config", base.config, "--base", base.plan, "--head", headPlan);
    expect(run.code).toBe(3);
    expect(run.stdout).toContain(
      "- trust arn:aws:iam::222222222222:root (StringEquals sts:ExternalId) @ aws-account:333333333333",
    );
    expect(run.stdout).toContain("+ trust arn:aws:iam::444444444444:root @ aws-account:333333333333");
    // The principal is new (another account) and bound by no condition: one escalation says both.
    expect(run.stdout).toContain(
      "trusts a new principal arn:aws:iam::444444444444:root (account 444444444444) without any condition",
    );
  });

  test("an added write grant and a wildcard action are escalations (exit 3)", async () => {
    const base = await planOf(dir, "write", example("aws-single-account.yaml"));
    const head = JSON.parse(readFileSync(base.plan, "utf8"));
    const grants = head.tenants[0].connectors[0].extractedGrants;
    grants.push({
      source: "aws",
      scope: "aws-account:333333333333",
      kind: "aws-action",
      name: "iam:PassRole",
      access: "write",
      artifact: "x",
    });
    grants.push({
      source: "aws",
      scope: "aws-account:333333333333",
      kind: "aws-action",
      name: "s3:*",
      access: "admin",
      artifact: "x",
    });
    const headPlan = join(dir, "write-head.plan.json");
    writeFileSync(headPlan, JSON.stringify(head));
    const run = await runCli(
      "diff",
      "--config",
      base.config,
      "--base",
      base.plan,
      "--head",
      headPlan,
      "--format",
      "json",
    );
    expect(run.code).toBe(3);
    expect(JSON.parse(run.stdout).escalations.map((e: any) => e.message)).toEqual([
      "acme-dev/AWS Dev Account: grants write aws-action iam:PassRole @ aws-account:333333333333",
      "acme-dev/AWS Dev Account: grants admin aws-action s3:* @ aws-account:333333333333",
      "acme-dev/AWS Dev Account: wildcard in aws-action s3:* @ aws-account:333333333333",
    ]);
  });

  test("a plan file that records a write permission as read (as older versions did) still escalates (exit 3)", async () => {
    const base = await planOf(dir, "stale", example("azure-only.yaml"));
    const head = JSON.parse(readFileSync(base.plan, "utf8"));
    const grants = head.tenants[0].connectors[0].extractedGrants;
    const tenant = grants[0].scope;
    grants.push({
      source: "azure",
      scope: tenant,
      kind: "graph-app-role",
      name: "Mail.Send",
      access: "read",
      artifact: "x",
    });
    grants.push({
      source: "azure",
      scope: tenant,
      kind: "graph-app-role",
      name: "Sites.FullControl.All",
      access: "read",
      artifact: "x",
    });
    const headPlan = join(dir, "stale-head.plan.json");
    writeFileSync(headPlan, JSON.stringify(head));
    const run = await runCli(
      "diff",
      "--config",
      base.config,
      "--base",
      base.plan,
      "--head",
      headPlan,
      "--format",
      "json",
    );
    expect(run.code).toBe(3);
    expect(JSON.parse(run.stdout).escalations.map((e: any) => e.message)).toEqual([
      `contoso/Contoso Entra: grants write graph-app-role Mail.Send @ ${tenant}`,
      `contoso/Contoso Entra: grants admin graph-app-role Sites.FullControl.All @ ${tenant}`,
    ]);
  });

  test("--base can be a git ref: the config as committed there is planned", () => {
    const repo = mkdtempSync(join(tmpdir(), "diff-git-"));
    try {
      const git = (...args: string[]) => spawnSync("git", args, { cwd: repo, encoding: "utf8" });
      git("init", "-q");
      writeFileSync(join(repo, "tenants.yaml"), example("azure-only.yaml"));
      git("add", ".");
      git("-c", "user.email=ci@example.com", "-c", "user.name=ci", "commit", "-qm", "base");
      writeFileSync(
        join(repo, "tenants.yaml"),
        example("azure-only.yaml").replace("azureResources: false", "azureResources: true"),
      );
      const run = spawnSync(process.execPath, [CLI, "diff", "--config", "tenants.yaml", "--base", "HEAD"], {
        cwd: repo,
        encoding: "utf8",
      });
      expect(run.status).toBe(3);
      expect(run.stdout).toContain(
        "+ azure-rbac-role Reader @ azure-management-group:0f5b7c1e-0000-4000-8000-000000000001",
      );
      expect(run.stdout).toContain("widens scope to azure-management-group:0f5b7c1e-0000-4000-8000-000000000001");
      const bad = spawnSync(process.execPath, [CLI, "diff", "--config", "tenants.yaml", "--base", "no-such-ref"], {
        cwd: repo,
        encoding: "utf8",
      });
      expect(bad.status).toBe(2);
      expect(bad.stderr).toContain("neither a plan file nor a git ref");
    } finally {
      rmSync(repo, { recursive: true, force: true });
    }
  }, 60_000);
});
