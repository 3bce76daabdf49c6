import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface Sample {
  wallMs: number;
  /** The largest peak resident set of any node process of the run (the command or one it started). */
  peakRssKb: number;
  /** The sum of every node process's peak: an engine CLI and the app it runs hold memory at once. */
  treeRssKb: number;
  /** How many node processes the run started, the command included. */
  processes: number;
}

export interface Summary extends Sample {
  label: string;
  runs: number;
}

const PRELOAD = join(__dirname, "peak-rss.js");

/**
 * Runs `node <args>` once, timing it. Every node process of the run, the command and the
 * processes it starts (an engine CLI runs its app in a child), loads the peak-RSS probe
 * through NODE_OPTIONS and reports its own peak, so children count too.
 */
export function sampleNode(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Sample {
  const dir = mkdtempSync(join(tmpdir(), "bench-"));
  try {
    const nodeOptions = `${process.env.NODE_OPTIONS ?? ""} --require ${JSON.stringify(PRELOAD)}`.trim();
    const started = process.hrtime.bigint();
    const result = spawnSync(process.execPath, args, {
      cwd,
      env: { ...process.env, ...env, NODE_OPTIONS: nodeOptions, BENCH_RSS_DIR: dir },
      stdio: ["ignore", "ignore", "pipe"],
    });
    const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
    if (result.status !== 0) throw new Error(`node ${args.join(" ")} exited ${result.status}: ${result.stderr}`);
    const peaks = readdirSync(dir).map((pid) => Number(readFileSync(join(dir, pid), "utf8")));
    return {
      wallMs,
      peakRssKb: Math.max(...peaks),
      treeRssKb: peaks.reduce((a, b) => a + b, 0),
      processes: peaks.length,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Median wall time and highest memory figures over samples of one command. */
export function summarize(label: string, samples: readonly Sample[]): Summary {
  const walls = samples.map((s) => s.wallMs).sort((a, b) => a - b);
  return {
    label,
    runs: samples.length,
    wallMs: walls[Math.floor(walls.length / 2)],
    peakRssKb: Math.max(...samples.map((s) => s.peakRssKb)),
    treeRssKb: Math.max(...samples.map((s) => s.treeRssKb)),
    processes: Math.max(...samples.map((s) => s.processes)),
  };
}

/** `runs` samples after one warm-up run (file cache, compile cache). */
export function sampleRuns(runs: number, take: () => Sample): Sample[] {
  take();
  return Array.from({ length: runs }, take);
}

export function formatSummary(s: Summary): string {
  const tree = s.processes > 1 ? `, ${s.processes} processes together ${mb(s.treeRssKb)} MB` : "";
  return `${s.label.padEnd(52)} ${s.wallMs.toFixed(0).padStart(7)} ms  peak ${mb(s.peakRssKb).padStart(6)} MB${tree}  (median of ${s.runs})`;
}

const mb = (kb: number) => (kb / 1024).toFixed(0);
