import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface Sample {
  wallMs: number;
  peakRssKb: number;
}

export interface Summary {
  label: string;
  runs: number;
  medianWallMs: number;
  peakRssKb: number;
}

/** Runs `node <args>` once, timing it and reading its peak RSS from inside the process. */
export function sampleNode(args: string[], cwd: string): Sample {
  const dir = mkdtempSync(join(tmpdir(), "bench-"));
  const rssFile = join(dir, "rss");
  try {
    const started = process.hrtime.bigint();
    const result = spawnSync(process.execPath, ["-r", join(__dirname, "peak-rss.js"), ...args], {
      cwd,
      env: { ...process.env, BENCH_RSS_FILE: rssFile },
      stdio: ["ignore", "ignore", "pipe"],
    });
    const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
    if (result.status !== 0) throw new Error(`node ${args.join(" ")} exited ${result.status}: ${result.stderr}`);
    return { wallMs, peakRssKb: Number(readFileSync(rssFile, "utf8")) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Median wall time and highest peak RSS over `runs` runs (after one warm-up run). */
export function summarize(label: string, runs: number, take: () => Sample): Summary {
  take();
  const samples = Array.from({ length: runs }, take);
  const walls = samples.map((s) => s.wallMs).sort((a, b) => a - b);
  return {
    label,
    runs,
    medianWallMs: walls[Math.floor(walls.length / 2)],
    peakRssKb: Math.max(...samples.map((s) => s.peakRssKb)),
  };
}

export function formatSummary(s: Summary): string {
  return `${s.label.padEnd(44)} ${s.medianWallMs.toFixed(0).padStart(7)} ms  ${(s.peakRssKb / 1024).toFixed(1).padStart(7)} MB  (median of ${s.runs})`;
}
