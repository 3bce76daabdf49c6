// One measured registration run for bench/register.ts: N connectors into the emulator
// at BENCH_EMULATOR_URL; prints {wallMs, p95Ms, failed} as JSON on stdout.
import { SecretValue } from "../values/secret-value";
import type { InsightsApi } from "../providers/insights/adapter";
import { InsightsHttpClient } from "../providers/insights/http-client";
import type { DesiredConnector } from "../register/desired";
import { reconcile } from "../register/reconcile";
import { INSIGHTS_CONNECTOR_KINDS } from "../connectors/catalog";

const count = Number(process.env.BENCH_CONNECTORS ?? 500);
const desired: DesiredConnector[] = Array.from({ length: count }, (_, i) => ({
  tenant: "bench",
  kind: "epm-cloud",
  name: `EPM ${i}`,
  values: {
    name: `EPM ${i}`,
    domain: `https://s${i}.pm.beyondtrustcloud.com`,
    clientId: `id-${i}`,
    clientSecret: new SecretValue(`secret-${i}`),
  },
  secretFields: new Set(["clientSecret"]),
}));

/** Times each create (retries included): what a user waits for per connector. */
function timed(api: InsightsApi, samples: number[]): InsightsApi {
  return new Proxy(api, {
    get(target, property) {
      const value = Reflect.get(target, property);
      if (property !== "create") return typeof value === "function" ? value.bind(target) : value;
      return async (...args: Parameters<InsightsApi["create"]>) => {
        const started = performance.now();
        try {
          return await target.create(...args);
        } finally {
          samples.push(performance.now() - started);
        }
      };
    },
  });
}

(async () => {
  const samples: number[] = [];
  const api = timed(
    new InsightsHttpClient({
      kinds: INSIGHTS_CONNECTOR_KINDS,
      baseUrl: process.env.BENCH_EMULATOR_URL!,
      siteId: `bench-${process.pid}`,
      retry: { retries: 10, baseDelayMs: 20, maxDelayMs: 500 },
    }),
    samples,
  );
  const started = performance.now();
  const results = await reconcile(api, desired, {
    dryRun: false,
    concurrency: 16,
    settleTimeoutMs: 30_000,
    pollMs: 50,
  });
  const wallMs = performance.now() - started;
  samples.sort((a, b) => a - b);
  process.stdout.write(
    JSON.stringify({
      wallMs,
      p95Ms: samples[Math.floor(samples.length * 0.95)],
      failed: results.filter((r) => r.action !== "create").length,
    }),
  );
})();
