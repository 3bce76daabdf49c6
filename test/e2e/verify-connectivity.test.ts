import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { InsightsEmulator } from "../../providers/insights/emulator/server";
import { runCli, spawnCliAsync } from "../helpers/cli";
import { configWith, VALID } from "../helpers/config-text";
import { freePort } from "../helpers/moto";
import { INSIGHTS_CONNECTOR_KINDS } from "../../connectors/catalog";

const SECRET = "canary-epm-secret-4d1e";
const BROKEN = `kind: epm-cloud
name: EPM Broken
domain: https://acme.pm.beyondtrustcloud.com
clientId: env:EPM_BAD_ID
clientSecret: env:EPM_SECRET`;

describe("verify: connectivity from the Insights emulator, beside each connector", () => {
  let emulator: InsightsEmulator;
  let work: string;
  const env = { ...process.env, EPM_ID: "epm-client", EPM_BAD_ID: "FAIL-CONNECTIVITY", EPM_SECRET: SECRET };
  const configFor = (connectors: string[], url = emulator.url) => {
    const file = join(work, `tenants-${connectors.length}.yaml`);
    writeFileSync(file, configWith(connectors, `adapter: emulator\nurl: ${url}`));
    return file;
  };

  beforeAll(async () => {
    emulator = await InsightsEmulator.start({ kinds: INSIGHTS_CONNECTOR_KINDS, checkDelayMs: 10 });
    work = mkdtempSync(join(tmpdir(), "verify-connectivity-"));
    Object.assign(process.env, { EPM_ID: env.EPM_ID, EPM_BAD_ID: env.EPM_BAD_ID, EPM_SECRET: SECRET });
    try {
      const registered = await runCli(
        "register",
        "--config",
        configFor([VALID["epm-cloud"], BROKEN]),
        "--settle-timeout",
        "10",
      );
      if (registered.code !== 0 && registered.code !== 1) throw new Error(`register failed: ${registered.stderr}`);
    } finally {
      for (const key of ["EPM_ID", "EPM_BAD_ID", "EPM_SECRET"]) delete process.env[key];
    }
  });
  afterAll(async () => {
    await emulator.stop();
    rmSync(work, { recursive: true, force: true });
  });

  test("a Failed connector is reported beside its grants and fails the run (exit 3)", async () => {
    const run = await spawnCliAsync(
      ["verify", "--config", configFor([VALID["epm-cloud"], BROKEN]), "--format", "markdown"],
      env,
    );
    expect(run.code).toBe(3);
    expect(run.stdout).toContain("| acme | EPM Broken | epm-cloud | not verified | Failed |");
    expect(run.stdout).toContain("| acme | EPM | epm-cloud | not verified | Connected |");
    expect(run.stdout).toContain("- Insights reports connectivity Failed");
    expect(run.stdout).toContain("- not verified: no reader for epm-cloud yet");
    expect(run.stdout + run.stderr).not.toContain(SECRET);
  });

  test("only kinds without a reader, all connected: exit 4 with a line each; 0 with --allow-unverified", async () => {
    const config = configFor([VALID["epm-cloud"]]);
    const run = await spawnCliAsync(["verify", "--config", config], env);
    expect(run.code).toBe(4);
    expect(run.stdout).toContain("not verified: no reader for epm-cloud yet");
    expect(run.stdout).toContain("verify: no drift where verified; some connectors not verified");
    const allowed = await spawnCliAsync(["verify", "--config", config, "--allow-unverified", "--format", "json"], env);
    expect(allowed.code).toBe(0);
    expect(JSON.parse(allowed.stdout)).toMatchObject({ outcome: "incomplete", exitCode: 0 });
  });

  test("Insights not answering: exit 1, the connectivity line says why", async () => {
    const dead = `http://127.0.0.1:${await freePort()}`;
    const run = await spawnCliAsync(
      ["verify", "--config", configFor([VALID["epm-cloud"]], dead), "--request-timeout", "3"],
      env,
    );
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/connectivity could not be read: unreadable \(Insights list connectors: .+\)/);
  });
});
