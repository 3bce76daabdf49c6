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

  // down without --yes first lists what it would remove, which synthesizes every stack: test/e2e/previews-cli.test.ts.
  test.each(["up"])("%s without --yes refuses with exit 2, says to add --yes, and changes nothing", async (command) => {
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
      new RegExp(`^error: ${command} changes clouds and Insights; add --yes to go ahead .*Nothing was changed\\.\\n$`),
    );
    expect(run.stdout).toBe("");
    expect(await emulator.all()).toEqual([]);
    expect(readdirSync(state)).toEqual([]);
  });

  test("an unknown tenant is a usage error naming the ones the config has", async () => {
    const run = await runCli("up", "--config", CONFIG, "--tenant", "nope", "--dry-run");
    expect([run.code, run.stderr]).toEqual([
      2,
      expect.stringContaining("unknown tenant nope in examples/all-sources.yaml; it has: acme-prod"),
    ]);
  });
});
