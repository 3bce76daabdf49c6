import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { INSIGHTS_CONNECTOR_KINDS } from "../../connectors/catalog";
import { InsightsEmulator } from "../../providers/insights/emulator/server";
import { seededRandom } from "../../providers/insights/emulator/faults";
import { spawnCliAsync } from "../helpers/cli";
import { configWith } from "../helpers/config-text";

const COUNT = 30;
const CANARY = "CANARY-crash-8a2f";
const names = Array.from({ length: COUNT }, (_, i) => `EPM ${String(i).padStart(2, "0")}`);

function epmEntries(): string[] {
  return names.map(
    (name, i) =>
      `kind: epm-cloud\nname: ${name}\ndomain: https://s${i}.pm.beyondtrustcloud.com\n` +
      `clientId: client-${i}\nclientSecret: env:EPM_SECRET`,
  );
}

/**
 * Insights crashing mid-run, at a point chosen by count rather than by a timer: the emulator
 * stores its `dieAfterWrites`-th write, loses the answer and stops answering. Whatever the
 * point, the next run must find what was stored and create only what is missing.
 */
describe("register recovers when Insights dies mid-run", () => {
  const title = "seeded crashes after N writes, then re-runs converge: every connector exactly once, then no change";
  test(
    title,
    async () => {
      const dir = mkdtempSync(join(tmpdir(), "crash-"));
      const stateDir = join(dir, "emulator");
      const config = join(dir, "tenants.yaml");
      const env = { ...process.env, EPM_SECRET: CANARY };
      const args = ["register", "--config", config, "--concurrency", "2", "--settle-timeout", "5"];
      const start = async (dieAfterWrites?: number) => {
        const emulator = await InsightsEmulator.start({
          kinds: INSIGHTS_CONNECTOR_KINDS,
          stateDir,
          checkDelayMs: 10,
          dieAfterWrites,
        });
        writeFileSync(config, configWith(epmEntries(), `adapter: emulator\nurl: ${emulator.url}`));
        return emulator;
      };
      const random = seededRandom(2026);
      const outputs: string[] = [];
      try {
        let stored = 0;
        const countsAfterCrashes: number[] = [];
        for (
          let writes = 1 + Math.floor(random() * 4);
          COUNT - stored > writes;
          writes = 1 + Math.floor(random() * 4)
        ) {
          const emulator = await start(writes);
          const run = await spawnCliAsync(args, env);
          await emulator.died;
          const seen = (await emulator.all()).map((c) => c.name);
          await emulator.stop();
          outputs.push(run.stdout, run.stderr);
          expect(run.code).not.toBe(0); // the run saw Insights go away
          expect(new Set(seen).size).toBe(seen.length); // never a duplicate, at any point
          // The crash came at the chosen write: that many creates, and at most the one other in flight (concurrency 2).
          expect(seen.length - stored).toBeGreaterThanOrEqual(writes);
          expect(seen.length - stored).toBeLessThanOrEqual(writes + 1);
          stored = seen.length;
          countsAfterCrashes.push(stored);
        }
        expect(countsAfterCrashes.length).toBeGreaterThanOrEqual(5);

        const emulator = await start();
        try {
          const converge = await spawnCliAsync([...args, "--format", "json"], env);
          expect(converge.code).toBe(0);
          expect((await emulator.all()).map((c) => c.name).sort()).toEqual(names);
          const again = await spawnCliAsync([...args, "--format", "json"], env);
          expect(again.code).toBe(0);
          expect(JSON.parse(again.stdout).results.map((r: { action: string }) => r.action)).toEqual(
            Array(COUNT).fill("unchanged"),
          );
          outputs.push(converge.stdout, converge.stderr, again.stdout, again.stderr);
        } finally {
          await emulator.stop();
        }
        // The canary secret reached Insights (its fingerprint matches) but no output and no file of the emulator.
        for (const output of outputs) expect(output).not.toContain(CANARY);
        for (const file of readdirSync(stateDir))
          expect(readFileSync(join(stateDir, file), "utf8")).not.toContain(CANARY);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    180_000,
  );
});
