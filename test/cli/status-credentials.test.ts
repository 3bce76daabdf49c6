import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { recordCredential } from "../../lifecycle/rotation/credential-record";
import { runCli } from "../helpers/cli";
import { configWith, VALID } from "../helpers/config-text";
import { tableColumn } from "../helpers/table";

const DAY = 24 * 60 * 60 * 1000;

describe("status: each rotating credential's age and next rotation, unknown when nothing recorded it", () => {
  let work: string;
  let config: string;
  const savedStateDir = process.env.INSIGHTS_STATE_DIR;
  beforeEach(() => {
    work = mkdtempSync(join(tmpdir(), "status-credentials-"));
    process.env.INSIGHTS_STATE_DIR = join(work, ".state");
    config = join(work, "tenants.yaml");
    // A sheet tenant: status asks no API, so only the credential rows are under test.
    const entries = [`${VALID.gcp}\nkeyRotationDays: 30`, VALID.okta, VALID.azure, VALID["epm-cloud"]];
    writeFileSync(config, configWith(entries));
  });
  afterEach(() => {
    if (savedStateDir === undefined) delete process.env.INSIGHTS_STATE_DIR;
    else process.env.INSIGHTS_STATE_DIR = savedStateDir;
    rmSync(work, { recursive: true, force: true });
  });

  test("json: age and due time from the record up left, unknown (with where to look) for the others", async () => {
    const createdAt = new Date(Date.now() - 10 * DAY - 60_000);
    recordCredential("acme", "GCP", {
      createdAt: createdAt.toISOString(),
      registeredAt: new Date(createdAt.getTime() + 5_000).toISOString(),
      source: "terraform output service_account_key_created_at",
    });
    const run = await runCli("status", "--config", config, "--format", "json");
    expect([run.code, run.stderr]).toEqual([0, ""]);
    const { credentials } = JSON.parse(run.stdout);
    expect(credentials.map((c: { connector: string }) => c.connector)).toEqual(["GCP", "Okta", "Entra"]);
    expect(credentials[0]).toEqual({
      tenant: "acme",
      connector: "GCP",
      kind: "gcp",
      rotationDays: 30,
      createdAt: createdAt.toISOString(),
      ageDays: 10,
      nextRotation: new Date(createdAt.getTime() + 30 * DAY).toISOString(),
      due: false,
      source: expect.stringMatching(/^terraform output service_account_key_created_at, registered 20\d\d-/),
    });
    const statePath = join(work, ".state", "credentials", "acme.json");
    expect(credentials[1]).toEqual({
      tenant: "acme",
      connector: "Okta",
      kind: "okta",
      rotationDays: 90,
      createdAt: null,
      ageDays: null,
      nextRotation: null,
      due: null,
      source: `unknown: no record in ${statePath} (up writes it when it registers)`,
    });
    expect(credentials[2]).toMatchObject({ connector: "Entra", kind: "azure", ageDays: null, due: null });
  });

  test("table: age, next rotation and source in a second table; an overdue one says up rotates it", async () => {
    recordCredential("acme", "GCP", {
      createdAt: new Date(Date.now() - 31 * DAY).toISOString(),
      registeredAt: new Date(Date.now() - 31 * DAY).toISOString(),
      source: "terraform output service_account_key_created_at",
    });
    const run = await runCli("status", "--config", config);
    expect(run.code).toBe(0);
    // After the (empty) dashboard and the sheet tenant's note comes the credentials table.
    const table = run.stdout.slice(run.stdout.indexOf("acme: sheet adapter"));
    expect(tableColumn(table, 0)).toBe("Tenantacmeacmeacme");
    expect(tableColumn(table, 1)).toBe("ConnectorNameGCPOktaEntra");
    expect(tableColumn(table, 2)).toBe("CredentialAge31days(every30)unknownunknown");
    expect(tableColumn(table, 3)).toMatch(/^NextRotation20\d\d-\d\d-\d\d\(due:uprotatesit\)unknownunknown$/);
  });

  test("a damaged record file stops status with the file named, exit 1, before anything is contacted", async () => {
    mkdirSync(join(work, ".state", "credentials"), { recursive: true });
    writeFileSync(join(work, ".state", "credentials", "acme.json"), JSON.stringify({ GCP: { createdAt: "soon" } }));
    const run = await runCli("status", "--config", config, "--format", "json");
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain(join(work, ".state", "credentials", "acme.json"));
    expect(run.stderr).toContain("GCP.createdAt");
  });

  test("the record is owner-only, takes only times and a source (no room for a secret), keeps other connectors", () => {
    const at = "2026-11-01T10:00:00.000Z";
    recordCredential("acme", "GCP", { createdAt: at, registeredAt: at, source: "terraform output x" });
    recordCredential("acme", "Okta", { createdAt: at, registeredAt: at, source: "pulumi config keySlots" });
    const path = join(work, ".state", "credentials", "acme.json");
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(Object.keys(JSON.parse(readFileSync(path, "utf8")))).toEqual(["GCP", "Okta"]);
    const withKey = { createdAt: at, registeredAt: at, source: "x", privateKey: "CANARY-KEY" } as never;
    expect(() => recordCredential("acme", "GCP", withKey)).toThrow("privateKey");
    expect(readFileSync(path, "utf8")).not.toContain("CANARY-KEY");
  });
});
