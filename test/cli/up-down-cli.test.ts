import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { InsightsEmulator } from "../../providers/insights/emulator/server";
import { runCli } from "../helpers/cli";
import { INSIGHTS_CONNECTOR_KINDS } from "../../connectors/catalog";

const CONFIG = "examples/all-sources.yaml";

describe("up and down on the command line (in-process; nothing deployed)", () => {
  let emulator: InsightsEmulator;
  let state: string;
  beforeEach(async () => {
    emulator = await InsightsEmulator.start({ kinds: INSIGHTS_CONNECTOR_KINDS });
    state = mkdtempSync(join(tmpdir(), "up-cli-"));
  });
  afterEach(async () => {
    await emulator.stop();
    rmSync(state, { recursive: true, force: true });
  });

  test.each(["up", "down"])(
    "%s without --yes refuses with exit 2, says to add --yes, and changes nothing",
    async (command) => {
      const run = await runCli(
        command,
        "--config",
        CONFIG,
        "--tenant",
        "acme-prod",
        "--emulator",
        emulator.url,
        "--state-dir",
        state,
      );
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(
        new RegExp(
          `^error: ${command} changes clouds and Insights; add --yes to go ahead .*Nothing was changed\\.\\n$`,
        ),
      );
      expect(run.stdout).toBe("");
      expect(await emulator.all()).toEqual([]);
      expect(readdirSync(state)).toEqual([]);
    },
  );

  test("an unknown tenant is a usage error naming the ones the config has", async () => {
    const run = await runCli("up", "--config", CONFIG, "--tenant", "nope", "--dry-run");
    expect([run.code, run.stderr]).toEqual([
      2,
      expect.stringContaining("unknown tenant nope in examples/all-sources.yaml; it has: acme-prod"),
    ]);
  });

  test("--dry-run prints each connector's ordered steps with its engine's commands, contacting nothing", async () => {
    const run = await runCli(
      "up",
      "--config",
      CONFIG,
      "--tenant",
      "acme-prod",
      "--emulator",
      emulator.url,
      "--state-dir",
      state,
      "--dry-run",
    );
    expect(run.code).toBe(0);
    const lines = run.stdout.split("\n");
    expect(lines[0]).toBe("up --dry-run for acme-prod: nothing was run or contacted");
    const aws = lines.indexOf("AWS Organization (aws): would run:");
    expect(lines.slice(aws + 1, aws + 5)).toEqual([
      `  1. AWS external ID: POST ${emulator.url}/api/v1/sites/5a7f0c2e-1b2c-4d3e-8f40-123456789abc/aws-external-id`,
      expect.stringMatching(/^ {2}2\. deploy: cdk deploy acme-prod-aws /),
      '  3. register: create or update "AWS Organization" (aws) in Insights by kind and name',
      "  4. wait for the first connectivity check (Connected)",
    ]);
    expect(run.stdout).toContain("'acme-prod-aws:BtConnectorExternalId=***'");
    expect(run.stdout).toContain("insights-connectors github create-app --config");
    expect(await emulator.all()).toEqual([]);
    expect(readdirSync(state)).toEqual([]);
  });
});
