/**
 * `npm run bench:stack-names`: how stack naming scales with the connectors of one
 * tenant, as a ratio measured in the same run (machines differ; ratios travel).
 * Target: 16 times the connectors cost at most 40 times the time: linear, with slack
 * for garbage collection of the larger lists (measured 24.6x on a loaded 2-core
 * machine); the quadratic version this replaced costs ~256 times.
 * Counts, not times, are what the unit test (test/config/stack-names.test.ts) checks.
 */
import { stackNames } from "../connectors/stack-name";

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const TARGET = 40;

function connectors(count: number) {
  // Several kinds, so some names get a slug and some do not.
  return Array.from({ length: count }, (_, i) => ({
    kind: ["okta", "azure", "gcp", "aws"][i % 4],
    name: `Connector ${i}`,
  }));
}

/** Median milliseconds to name the stacks of `count` connectors. */
function medianMs(count: number): number {
  const list = connectors(count);
  stackNames("acme", list); // warm-up
  const times = Array.from({ length: RUNS }, () => {
    const started = process.hrtime.bigint();
    stackNames("acme", list);
    return Number(process.hrtime.bigint() - started) / 1e6;
  }).sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

const small = medianMs(16_000);
const large = medianMs(256_000);
const ratio = large / small;
console.log(`stackNames, 16,000 connectors:  ${small.toFixed(1)} ms (median of ${RUNS})`);
console.log(`stackNames, 256,000 connectors: ${large.toFixed(1)} ms (median of ${RUNS})`);
console.log(`ratio for 16x the connectors: ${ratio.toFixed(1)}x (target <= ${TARGET}x)`);
process.exitCode = ratio <= TARGET ? 0 : 1;
