import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCli } from "../helpers/cli";
import { configWith, VALID } from "../helpers/config-text";

describe("tenants: the config's tenant names for a CI matrix", () => {
  let work: string;
  let config: string;
  beforeEach(() => {
    work = mkdtempSync(join(tmpdir(), "tenants-cli-"));
    config = join(work, "tenants.yaml");
    const second = configWith([VALID.okta], "adapter: sheet", "beta-eu").split("tenants:\n")[1];
    writeFileSync(config, `${configWith([VALID.gcp], "adapter: sheet", "acme-prod")}${second}`);
  });
  afterEach(() => rmSync(work, { recursive: true, force: true }));

  test("json: one line, a JSON array of the names in config order (what fromJSON and a matrix take)", async () => {
    const run = await runCli("tenants", "--config", config, "--format", "json");
    expect([run.code, run.stdout, run.stderr]).toEqual([0, '["acme-prod","beta-eu"]\n', ""]);
  });

  test("table (the default): one name a line, for a shell loop", async () => {
    const run = await runCli("tenants", "--config", config);
    expect([run.code, run.stdout, run.stderr]).toEqual([0, "acme-prod\nbeta-eu\n", ""]);
  });

  test("--format text, the old name of table, still works for one release, with a warning on stderr only", async () => {
    const run = await runCli("tenants", "--config", config, "--format", "text");
    expect([run.code, run.stdout]).toEqual([0, "acme-prod\nbeta-eu\n"]);
    expect(run.stderr).toBe("warning: --format text is deprecated and goes in the next release; use --format table\n");
  });

  test("a bad config is exit 2 with file, line and field, and nothing on stdout for a matrix to swallow", async () => {
    writeFileSync(config, configWith([VALID.gcp], "adapter: sheet", "Acme Prod"));
    const run = await runCli("tenants", "--config", config, "--format", "json");
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    const located = run.stderr.split("\n").find((line) => line.startsWith(`${config}:3:`));
    expect(located).toMatch(/^\S+:3:\d+\s+tenants\[0\]\.name\s/);
  });

  test("an unknown format is a usage error (exit 2)", async () => {
    const run = await runCli("tenants", "--config", config, "--format", "yaml");
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("Allowed choices are table, json.");
  });
});
