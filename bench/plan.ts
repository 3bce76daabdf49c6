/**
 * `npm run bench`: wall time and peak memory of `plan`, as ratios measured in the same
 * run (machines differ; ratios travel). Targets are ratios, never timed unit tests.
 *
 * 1. `plan --no-extract` (catalog only) against a bare `node -e 0`.
 * 2. `plan` with grant extraction (every stack synthesized in one process) for one
 *    tenant and for 50 tenants of examples/all-sources.yaml, against running
 *    `cdk synth` and `cdktf synth` once each on the same config.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { formatSummary, sampleNode, summarize, type Sample } from "./measure";

const REPO = join(__dirname, "..");
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const CLI = join("bin", "insights-connectors.js");
const work = mkdtempSync(join(tmpdir(), "bench-plan-"));

/** examples/all-sources.yaml with its tenant repeated `count` times under distinct names. */
function manyTenants(count: number): string {
  const text = readFileSync(join(REPO, "examples", "all-sources.yaml"), "utf8");
  const [head, tenant] = text.split(/^tenants:\n/m);
  const copies = Array.from({ length: count }, (_, i) => tenant.replace("- name: acme-prod", `- name: acme-${String(i + 1).padStart(2, "0")}`));
  const file = join(work, `tenants-${count}.yaml`);
  writeFileSync(file, `${head}tenants:\n${copies.join("")}`);
  return file;
}

function once(label: string, take: () => Sample) {
  const sample = take();
  return { label, runs: 1, medianWallMs: sample.wallMs, peakRssKb: sample.peakRssKb };
}

const ratio = (a: { medianWallMs: number; peakRssKb: number }, b: { medianWallMs: number; peakRssKb: number }) =>
  `wall ${(a.medianWallMs / b.medianWallMs).toFixed(2)}x, peak RSS ${(a.peakRssKb / b.peakRssKb).toFixed(2)}x`;

try {
  const baseline = summarize("node -e 0", RUNS, () => sampleNode(["-e", "0"], REPO));
  const catalogOnly = summarize("plan --no-extract (all-sources)", RUNS, () => sampleNode([CLI, "plan", "--config", "examples/all-sources.yaml", "--format", "json", "--no-extract"], REPO));
  console.log(formatSummary(baseline));
  console.log(formatSummary(catalogOnly));
  console.log(`plan --no-extract / node -e 0: ${ratio(catalogOnly, baseline)}\n`);

  for (const count of [1, 50]) {
    const config = manyTenants(count);
    const plan = once(`plan with extraction, ${count} tenant(s)`, () => sampleNode([CLI, "plan", "--config", config, "--format", "json"], REPO));
    const cdk = once(`cdk synth, ${count} tenant(s)`, () =>
      sampleNode([join("node_modules", "aws-cdk", "bin", "cdk"), "synth", "-q", "-c", `config=${config}`, "-o", join(work, `cdk-${count}`)], REPO),
    );
    process.env.INSIGHTS_CONFIG = config;
    const cdktf = once(`cdktf synth, ${count} tenant(s)`, () => sampleNode([join("node_modules", "cdktf-cli", "bundle", "bin", "cdktf"), "synth", "--output", join(work, `cdktf-${count}`)], REPO));
    for (const s of [plan, cdk, cdktf]) console.log(formatSummary(s));
    // Engine CLIs run the app in a child process: their peak RSS here is the larger of CLI and app only as far as getrusage sees the CLI.
    const engines = { label: "", runs: 1, medianWallMs: cdk.medianWallMs + cdktf.medianWallMs, peakRssKb: Math.max(cdk.peakRssKb, cdktf.peakRssKb) };
    console.log(`plan with extraction / (cdk synth + cdktf synth), ${count} tenant(s): ${ratio(plan, engines)}\n`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
