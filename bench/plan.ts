/**
 * `npm run bench`: wall time and peak memory of `plan`, as ratios measured in the same
 * run (machines differ; ratios travel). Targets are ratios, never timed unit tests.
 *
 * 1. `--help` and `plan --no-extract` (catalog only) against a bare `node -e 0`.
 * 2. `plan` with grant extraction and no cache, for one tenant and for 50 tenants of
 *    examples/all-sources.yaml, against `cdk synth` plus `cdktf synth` on the same config,
 *    in paired rounds (one of each per round) so a busy moment hits both sides.
 * 3. An unchanged re-plan of the 50 tenants with a warm cache, against the same engines.
 *
 * Memory counts every node process of a run: the engine CLIs run their app in a child.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { formatSummary, sampleNode, sampleRuns, summarize, type Sample, type Summary } from "./measure";

const REPO = join(__dirname, "..");
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CLI = join("bin", "insights-connectors.js");
const work = mkdtempSync(join(tmpdir(), "bench-plan-"));
const failures: string[] = [];

/** examples/all-sources.yaml with its tenant repeated `count` times under distinct names. */
function manyTenants(count: number): string {
  const text = readFileSync(join(REPO, "examples", "all-sources.yaml"), "utf8");
  const [head, tenant] = text.split(/^tenants:\n/m);
  const copies = Array.from({ length: count }, (_, i) =>
    tenant.replace("- name: acme-prod", `- name: acme-${String(i + 1).padStart(2, "0")}`),
  );
  const file = join(work, `tenants-${count}.yaml`);
  writeFileSync(file, `${head}tenants:\n${copies.join("")}`);
  return file;
}

/** Prints `a / b` and whether it meets the target ratio. */
function ratio(label: string, a: Summary, b: Summary, target: number): void {
  const value = a.wallMs / b.wallMs;
  const met = value <= target;
  if (!met) failures.push(label);
  console.log(
    `${label}: wall ${value.toFixed(2)}x (target <= ${target.toFixed(2)}x: ${met ? "met" : "NOT met"}), peak RSS ${(a.peakRssKb / b.treeRssKb).toFixed(2)}x`,
  );
}

function memoryTarget(label: string, s: Summary, limitMb: number): void {
  const met = s.peakRssKb / 1024 <= limitMb;
  if (!met) failures.push(`${label} memory`);
  console.log(
    `${label}: peak RSS ${(s.peakRssKb / 1024).toFixed(0)} MB (target <= ${limitMb} MB: ${met ? "met" : "NOT met"})`,
  );
}

/** The two engines' CLIs as one figure: their times add up, their memory is the larger tree's. */
function engines(cdk: Sample[], cdktf: Sample[]): Summary {
  const sums = cdk.map((c, i) => ({
    ...c,
    wallMs: c.wallMs + cdktf[i].wallMs,
    treeRssKb: Math.max(c.treeRssKb, cdktf[i].treeRssKb),
    peakRssKb: Math.max(c.peakRssKb, cdktf[i].peakRssKb),
  }));
  return summarize("cdk synth + cdktf synth", sums);
}

function tenantsBench(count: number): void {
  const config = manyTenants(count);
  const cacheDir = join(work, `cache-${count}`);
  const commands: Record<string, () => Sample> = {
    plan: () => sampleNode([CLI, "plan", "--config", config, "--format", "json", "--no-cache"], REPO),
    cdk: () =>
      sampleNode(
        [
          join("node_modules", "aws-cdk", "bin", "cdk"),
          "synth",
          "-q",
          "-c",
          `config=${config}`,
          "-o",
          join(work, `cdk-${count}`),
        ],
        REPO,
      ),
    cdktf: () =>
      sampleNode(
        [
          join("node_modules", "cdktf-cli", "bundle", "bin", "cdktf"),
          "synth",
          "--output",
          join(work, `cdktf-${count}`),
        ],
        REPO,
        { INSIGHTS_CONFIG: config },
      ),
    warm: () => sampleNode([CLI, "plan", "--config", config, "--format", "json", "--cache-dir", cacheDir], REPO),
  };
  const samples: Record<string, Sample[]> = { plan: [], cdk: [], cdktf: [], warm: [] };
  for (let round = 0; round <= ROUNDS; round += 1) {
    for (const [name, take] of Object.entries(commands)) {
      const sample = take();
      if (round > 0) samples[name].push(sample); // round 0 warms file caches and fills the plan cache
    }
  }
  const plan = summarize(`plan with extraction, ${count} tenant(s)`, samples.plan);
  const both = engines(samples.cdk, samples.cdktf);
  const warm = summarize(`plan, unchanged re-plan (warm cache), ${count} tenant(s)`, samples.warm);
  for (const s of [
    plan,
    summarize(`cdk synth, ${count} tenant(s)`, samples.cdk),
    summarize(`cdktf synth, ${count} tenant(s)`, samples.cdktf),
    both,
    warm,
  ])
    console.log(formatSummary(s));
  ratio(`plan with extraction / (cdk synth + cdktf synth), ${count} tenant(s)`, plan, both, count === 1 ? 0.35 : 0.3);
  memoryTarget(`plan with extraction, ${count} tenant(s)`, plan, 600);
  if (count > 1) ratio(`unchanged re-plan (warm cache) / (cdk synth + cdktf synth), ${count} tenants`, warm, both, 0.1);
  console.log();
}

try {
  console.log(
    `${new Date().toISOString()}  ${process.version}, ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB\n`,
  );
  const baseline = summarize(
    "node -e 0",
    sampleRuns(RUNS, () => sampleNode(["-e", "0"], REPO)),
  );
  const help = summarize(
    "insights-connectors --help",
    sampleRuns(RUNS, () => sampleNode([CLI, "--help"], REPO)),
  );
  const catalogOnly = summarize(
    "plan --no-extract (all-sources)",
    sampleRuns(RUNS, () =>
      sampleNode([CLI, "plan", "--config", "examples/all-sources.yaml", "--format", "json", "--no-extract"], REPO),
    ),
  );
  for (const s of [baseline, help, catalogOnly]) console.log(formatSummary(s));
  ratio("--help / node -e 0", help, baseline, 4);
  ratio("plan --no-extract / node -e 0", catalogOnly, baseline, 4);
  console.log();
  for (const count of [1, 50]) tenantsBench(count);
  console.log(failures.length ? `targets not met: ${failures.join("; ")}` : "every target met");
} finally {
  rmSync(work, { recursive: true, force: true });
}
