/**
 * `npm run bench:register`: 500 connectors registered into the local emulator, with and
 * without 20% injected faults (429 with Retry-After 0, 5xx, dropped connections):
 * throughput, p95 latency per connector, and the registering process's peak memory,
 * as ratios to a bare `node -e 0` measured in the same run.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sampleNode } from "./measure";

const REPO = join(__dirname, "..");
const COUNT = Number(process.env.BENCH_CONNECTORS ?? 500);

async function startEmulator(port: number, faultArgs: string[]): Promise<ChildProcess> {
  const dir = mkdtempSync(join(tmpdir(), "bench-emulator-"));
  const child = spawn(
    process.execPath,
    [
      join(REPO, "bin", "insights-connectors.js"),
      "emulator",
      "--port",
      String(port),
      "--state-dir",
      dir,
      "--check-delay-ms",
      "0",
      ...faultArgs,
    ],
    { stdio: ["ignore", "pipe", "inherit"] },
  );
  await new Promise<void>((resolve) => child.stdout!.once("data", () => resolve()));
  child.once("exit", () => rmSync(dir, { recursive: true, force: true }));
  return child;
}

function measuredRun(url: string): { wallMs: number; p95Ms: number; failed: number; peakRssKb: number } {
  const dir = mkdtempSync(join(tmpdir(), "bench-"));
  try {
    const run = spawnSync(
      process.execPath,
      [
        "-r",
        join(__dirname, "peak-rss.js"),
        "-r",
        join(REPO, "bin", "register-ts.js"),
        join(__dirname, "register-worker.ts"),
      ],
      {
        cwd: REPO,
        env: {
          ...process.env,
          BENCH_EMULATOR_URL: url,
          BENCH_CONNECTORS: String(COUNT),
          BENCH_RSS_FILE: join(dir, "rss"),
        },
        encoding: "utf8",
      },
    );
    if (run.status !== 0) throw new Error(run.stderr);
    return { ...JSON.parse(run.stdout), peakRssKb: Number(readFileSync(join(dir, "rss"), "utf8")) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

(async () => {
  const baseline = sampleNode(["-e", "0"], REPO);
  const scenarios: [string, string[]][] = [
    ["no faults", []],
    [
      "20% faults",
      ["--fault-429", "0.08", "--fault-5xx", "0.08", "--fault-drop", "0.04", "--retry-after", "0", "--seed", "11"],
    ],
  ];
  console.log(`node -e 0: ${baseline.wallMs.toFixed(0)} ms, ${(baseline.peakRssKb / 1024).toFixed(1)} MB`);
  for (const [label, faults] of scenarios) {
    const port = 18_500 + Math.floor(Math.random() * 1000);
    const emulator = await startEmulator(port, faults);
    try {
      const r = measuredRun(`http://127.0.0.1:${port}`);
      console.log(
        `${label.padEnd(11)} ${COUNT} connectors: ${(COUNT / (r.wallMs / 1000)).toFixed(0)} connectors/s, p95 ${r.p95Ms.toFixed(0)} ms per connector, ` +
          `peak RSS ${(r.peakRssKb / 1024).toFixed(1)} MB (${(r.peakRssKb / baseline.peakRssKb).toFixed(1)}x node -e 0), ${r.failed} not created`,
      );
    } finally {
      emulator.kill("SIGTERM");
    }
  }
})();
