import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { InsightsEmulator } from "../../providers/insights/emulator/server";
import { runCli } from "../helpers/cli";
import { CANARY_ENV } from "./helpers";
import { INSIGHTS_CONNECTOR_KINDS } from "../../connectors/catalog";

describe("register resolves every secret reference before any call", () => {
  const saved = { ...process.env };
  let work: string;
  let emulator: InsightsEmulator;
  beforeEach(async () => {
    work = mkdtempSync(join(tmpdir(), "preflight-"));
    emulator = await InsightsEmulator.start({
      kinds: INSIGHTS_CONNECTOR_KINDS,
      stateDir: join(work, "emulator"),
      checkDelayMs: 10,
    });
  });
  afterEach(async () => {
    process.env = { ...saved };
    await emulator.stop();
    rmSync(work, { recursive: true, force: true });
  });

  test("three unset variables: all three reported at once with FILE:LINE:COL, exit 2, the emulator never called", async () => {
    Object.assign(process.env, CANARY_ENV);
    for (const name of ["PRA_CLIENT_ID", "EPM_CLIENT_SECRET", "PS_PASSWORD"]) delete process.env[name];
    // Without --synthetic-outputs, which makes up every secret (the test below).
    const run = await runCli("register", "--config", "examples/all-sources.yaml", "--emulator", emulator.url);
    expect(run.code).toBe(2);
    const lines = run.stderr.split("\n").filter((l) => l.includes("cannot resolve secret"));
    expect(lines).toEqual([
      expect.stringMatching(
        /^examples\/all-sources\.yaml:\d+:\d+  tenants\[0\]\.connectors\[6\]\.clientId  .*PRA_CLIENT_ID is not set/,
      ),
      expect.stringMatching(
        /^examples\/all-sources\.yaml:\d+:\d+  tenants\[0\]\.connectors\[7\]\.clientSecret  .*EPM_CLIENT_SECRET is not set/,
      ),
      expect.stringMatching(
        /^examples\/all-sources\.yaml:\d+:\d+  tenants\[0\]\.connectors\[9\]\.password  .*PS_PASSWORD is not set/,
      ),
    ]);
    expect(run.stderr).toContain("3 problems in examples/all-sources.yaml; nothing was changed or contacted.");
    const status = await runCli(
      "status",
      "--config",
      "examples/all-sources.yaml",
      "--emulator",
      emulator.url,
      "--format",
      "json",
    );
    expect(JSON.parse(status.stdout).connectors).toEqual([]);
    for (const value of Object.values(CANARY_ENV)) expect(run.stdout + run.stderr).not.toContain(value);
  });

  test("--synthetic-outputs, the emulator try path: a secret not set gets a made-up value; one that is set is used", async () => {
    Object.assign(process.env, CANARY_ENV);
    delete process.env.PRA_CLIENT_ID;
    const args = ["--config", "examples/all-sources.yaml", "--emulator", emulator.url, "--synthetic-outputs"];
    const run = await runCli("register", ...args, "--settle-timeout", "10");
    expect([run.code, run.stderr]).toEqual([0, ""]);
    // Client IDs are settings the emulator keeps: the unset one made up, a set one as given.
    const stored = JSON.stringify(await emulator.all());
    expect(stored).toContain('"clientId":"synthetic-pra_client_id"');
    expect(stored).toContain(`"clientId":"${CANARY_ENV.EPM_CLIENT_ID}"`);
  });
});
