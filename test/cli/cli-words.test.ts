// Issue 29, case 4 (the CLI's half): `init --out sub/dir/x.yaml` said only ENOENT; a second
// `connector delete` blamed the tenant config; `verify` without credentials repeated the
// INSIGHTS_TOKEN line once per connector.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { INSIGHTS_CONNECTOR_KINDS } from "../../connectors/catalog";
import { InsightsEmulator } from "../../providers/insights/emulator/server";
import { runCli } from "../helpers/cli";
import { configWith, VALID } from "../helpers/config-text";

let work: string;
const savedStateDir = process.env.INSIGHTS_STATE_DIR;
beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), "cli-words-"));
  process.env.INSIGHTS_STATE_DIR = join(work, ".state");
});
afterEach(() => {
  if (savedStateDir === undefined) delete process.env.INSIGHTS_STATE_DIR;
  else process.env.INSIGHTS_STATE_DIR = savedStateDir;
  rmSync(work, { recursive: true, force: true });
});

describe("init --out into a folder", () => {
  test("a folder that does not exist yet is created, and the starter plans", async () => {
    const out = join(work, "tenants", "acme", "tenants.yaml");
    const init = await runCli("init", "--kinds", "aws,okta", "--tenant", "acme-prod", "--out", out);
    expect([init.code, init.stderr]).toEqual([0, ""]);
    expect(readFileSync(out, "utf8")).toContain("  - name: acme-prod\n");
    // The editor's schema line is relative to the new folder.
    expect(readFileSync(out, "utf8")).toMatch(
      /^# yaml-language-server: \$schema=(\.\.\/)+.*tenant-config\.schema\.json\n/,
    );
    expect((await runCli("plan", "--config", out, "--no-extract")).code).toBe(0);
  });

  test("a file where a folder should be is named in words; nothing is written", async () => {
    writeFileSync(join(work, "tenants"), "a file, not a folder\n");
    const out = join(work, "tenants", "acme.yaml");
    const init = await runCli("init", "--kinds", "aws", "--out", out);
    expect(init.code).toBe(2);
    expect(init.stderr).toBe(
      `error: cannot create the folder ${join(work, "tenants")} for ${out}: ` +
        "part of the path is a file, not a folder; nothing was written\n",
    );
    expect(init.stderr).not.toMatch(/ENOTDIR|EEXIST|ENOENT/);
  });

  test("--out naming a folder says so", async () => {
    const init = await runCli("init", "--kinds", "aws", "--out", work);
    expect(init.code).toBe(2);
    expect(init.stderr).toMatch(/: it is a folder; name a file; nothing was written\n$/);
  });
});

describe("a connector Insights no longer has", () => {
  let emulator: InsightsEmulator;
  beforeEach(async () => {
    emulator = await InsightsEmulator.start({ kinds: INSIGHTS_CONNECTOR_KINDS, checkDelayMs: 10 });
  });
  afterEach(() => emulator.stop());

  test("a second delete says it is not found in Insights, not that the config lacks it", async () => {
    const config = join(work, "tenants.yaml");
    writeFileSync(config, configWith([VALID.okta], "adapter: sheet", "acme-prod"));
    const target = ["--config", config, "--emulator", emulator.url];
    const registered = await runCli("register", ...target, "--synthetic-outputs", "--settle-timeout", "5");
    expect(registered.code).toBe(0);
    const remove = [
      "connector",
      "delete",
      ...target,
      "--tenant",
      "acme-prod",
      "--kind",
      "okta",
      "--name",
      "Okta",
      "--yes",
    ];
    expect((await runCli(...remove)).code).toBe(0);
    const again = await runCli(...remove);
    expect(again.code).toBe(2);
    expect(again.stderr).toBe(
      'error: okta connector "Okta" not found in Insights for tenant acme-prod (already deleted?); ' +
        "Insights lists okta connectors: none. Nothing was changed.\n",
    );
    expect(again.stderr).not.toContain("has no okta connector");
  });
});

describe("verify without credentials", () => {
  const CREDENTIALS = [
    "INSIGHTS_TOKEN",
    "AZURE_CLIENT_ID",
    "AZURE_CLIENT_SECRET",
    "AZURE_TENANT_ID",
    "GOOGLE_APPLICATION_CREDENTIALS",
    "OKTA_CLIENT_TOKEN",
    "OKTA_CLIENT_AUTHORIZATIONMODE",
    "PINGONE_CLIENT_ID",
    "PINGONE_CLIENT_SECRET",
    "PINGONE_ENVIRONMENT_ID",
  ];
  const saved = Object.fromEntries(CREDENTIALS.map((name) => [name, process.env[name]]));
  beforeEach(() => CREDENTIALS.forEach((name) => delete process.env[name]));
  afterEach(() => {
    for (const [name, value] of Object.entries(saved)) if (value !== undefined) process.env[name] = value;
  });

  test("a missing Insights token is one line for the tenant, not one per connector", async () => {
    // Readers that fail on a missing variable before any call; the tenant's token is not set.
    const insights =
      "adapter: http\nurl: https://app.beyondtrust.io\nsiteId: 5a7f0c2e-1b2c-4d3e-8f40-123456789abc\ntoken: env:INSIGHTS_TOKEN";
    const config = join(work, "tenants.yaml");
    writeFileSync(
      config,
      configWith([VALID.azure, VALID.gcp, VALID.okta, VALID.pingone, VALID["epm-cloud"]], insights),
    );
    const run = await runCli("verify", "--config", config);
    expect(run.code).toBe(1);
    const tokenLines = run.stdout.split("\n").filter((line) => line.includes("INSIGHTS_TOKEN"));
    expect(tokenLines).toEqual([
      "  connectivity could not be read: unreadable (Insights list connectors: the Insights API token: " +
        "cannot resolve secret env:INSIGHTS_TOKEN: environment variable INSIGHTS_TOKEN is not set)",
    ]);
    expect(run.stdout).toContain("\nacme (every connector)\n  connectivity could not be read:");
    // Each reader's own missing variables stay on their connector, one line each.
    for (const name of ["GOOGLE_APPLICATION_CREDENTIALS", "AZURE_CLIENT_ID", "OKTA_CLIENT_TOKEN", "PINGONE_CLIENT_ID"])
      expect([name, run.stdout.split("\n").filter((line) => line.includes(name)).length]).toEqual([name, 1]);
    expect(existsSync(join(work, ".state"))).toBe(false); // verify writes nothing
  });
});
