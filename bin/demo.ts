// `npm run demo`: every connector of examples/all-sources.yaml registered into a local
// Insights emulator with synthetic stack outputs (--synthetic-outputs also makes up the
// secrets that are not set), then the status table. Needs no credentials and no network beyond 127.0.0.1.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { run } from "../cli/program";
import { InsightsEmulator } from "../providers/insights/emulator/server";
import { INSIGHTS_CONNECTOR_KINDS } from "../connectors/catalog";

const CONFIG = "examples/all-sources.yaml";

(async () => {
  const state = mkdtempSync(join(tmpdir(), "insights-demo-"));
  const emulator = await InsightsEmulator.start({
    kinds: INSIGHTS_CONNECTOR_KINDS,
    stateDir: state,
    checkDelayMs: 300,
  });
  const config = ["--config", CONFIG, "--emulator", emulator.url];
  try {
    process.stdout.write(`Insights emulator on ${emulator.url}\n\n== register (synthetic stack outputs)\n`);
    const registered = await run(["register", ...config, "--synthetic-outputs", "--settle-timeout", "15"]);
    process.stdout.write("\n== register again: nothing to change\n");
    await run(["register", ...config, "--synthetic-outputs", "--settle-timeout", "15"]);
    process.stdout.write("\n== status\n");
    await run(["status", ...config]);
    process.exitCode = registered;
  } finally {
    await emulator.stop();
    rmSync(state, { recursive: true, force: true });
  }
})();
