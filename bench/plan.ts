/**
 * `npm run bench`: wall time and peak memory of `plan` on examples/all-sources.yaml,
 * as ratios to a bare `node -e 0` measured in the same run (machines differ; ratios
 * travel). Targets are ratios, never timed unit tests.
 */
import { join } from "node:path";
import { formatSummary, sampleNode, summarize } from "./measure";

const REPO = join(__dirname, "..");
const RUNS = Number(process.env.BENCH_RUNS ?? 7);

const baseline = summarize("node -e 0", RUNS, () => sampleNode(["-e", "0"], REPO));
const plan = summarize("plan --config examples/all-sources.yaml", RUNS, () =>
  sampleNode([join("bin", "insights-connectors.js"), "plan", "--config", "examples/all-sources.yaml", "--format", "json"], REPO),
);

console.log(formatSummary(baseline));
console.log(formatSummary(plan));
console.log(
  `plan / node -e 0: wall ${(plan.medianWallMs / baseline.medianWallMs).toFixed(1)}x, peak RSS ${(plan.peakRssKb / baseline.peakRssKb).toFixed(1)}x`,
);
