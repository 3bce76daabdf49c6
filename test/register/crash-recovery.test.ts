import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { InsightsEmulator } from "../../providers/insights/emulator/server";
import { seededRandom } from "../../providers/insights/emulator/faults";
import { CLI, REPO, spawnCliAsync } from "../helpers/cli";
import { configWith } from "../helpers/config-text";
import { INSIGHTS_CONNECTOR_KINDS } from "../../connectors/catalog";

const COUNT = 30;
const KILLS = 20;
const CANARY = "CANARY-crash-8a2f";

function epmEntries(): string[] {
  return Array.from({ length: COUNT }, (_, i) => `kind: epm-cloud\nname: EPM ${String(i).padStart(2, "0")}\ndomain: https://s${i}.pm.beyondtrustcloud.com\nclientId: client-${i}\nclientSecret: env:EPM_SECRET`);
}

/**
 * Runs `register` and SIGKILLs it once the emulator holds `atCount` connectors, plus a
 * few random milliseconds so the kill lands inside a request as often as between two.
 */
function registerKilledAt(args: string[], env: NodeJS.ProcessEnv, emulator: InsightsEmulator, atCount: number, jitterMs: number): Promise<void> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd: REPO, env, stdio: "ignore" });
    let exited = false;
    const watch = setInterval(async () => {
      if (exited || (await emulator.all()).length < atCount) return;
      clearInterval(watch);
      setTimeout(() => child.kill("SIGKILL"), jitterMs);
    }, 5);
    child.on("close", () => {
      exited = true;
      clearInterval(watch);
      resolve();
    });
  });
}

describe("register survives being killed at random points", () => {
  test(`${KILLS} seeded SIGKILLs mid-run, then re-runs converge: every connector exactly once, then no change`, async () => {
    const dir = mkdtempSync(join(tmpdir(), "crash-"));
    const emulator = await InsightsEmulator.start({ kinds: INSIGHTS_CONNECTOR_KINDS, stateDir: join(dir, "emulator"), checkDelayMs: 10, faults: { latencyMs: 25 } });
    try {
      const config = join(dir, "tenants.yaml");
      writeFileSync(config, configWith(epmEntries(), `adapter: emulator\nurl: ${emulator.url}`));
      const env = { ...process.env, EPM_SECRET: CANARY };
      const args = ["register", "--config", config, "--concurrency", "2", "--settle-timeout", "5"];
      const random = seededRandom(2026);
      const countsAfterKills: number[] = [];
      for (let run = 0; run < KILLS; run++) {
        const before = (await emulator.all()).length;
        const atCount = before + Math.floor(random() * (COUNT - before) * 0.6);
        await registerKilledAt(args, env, emulator, atCount, Math.floor(random() * 40));
        const names = (await emulator.all()).map((c) => c.name);
        expect(new Set(names).size).toBe(names.length); // never a duplicate, at any point
        countsAfterKills.push(names.length);
      }
      // The kills did land mid-run: progress grew across several runs before completing.
      expect(new Set(countsAfterKills.filter((n) => n > 0 && n < COUNT)).size).toBeGreaterThanOrEqual(3);
      const converge = await spawnCliAsync([...args, "--format", "json"], env);
      expect(converge.code).toBe(0);
      const stored = await emulator.all();
      expect(stored.map((c) => c.name).sort()).toEqual(Array.from({ length: COUNT }, (_, i) => `EPM ${String(i).padStart(2, "0")}`));

      const again = await spawnCliAsync([...args, "--format", "json"], env);
      expect(again.code).toBe(0);
      expect(JSON.parse(again.stdout).results.map((r: { action: string }) => r.action)).toEqual(Array(COUNT).fill("unchanged"));

      // The canary secret reached Insights (its fingerprint matches) but no output and no file of the emulator.
      for (const output of [converge.stdout, converge.stderr, again.stdout, again.stderr]) expect(output).not.toContain(CANARY);
      for (const file of readdirSync(join(dir, "emulator"))) expect(readFileSync(join(dir, "emulator", file), "utf8")).not.toContain(CANARY);
    } finally {
      await emulator.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);
});
