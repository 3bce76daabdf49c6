import { INSIGHTS_CONNECTOR_KINDS } from "../../connectors/catalog";
import { InsightsEmulator } from "../../providers/insights/emulator/server";
import { InsightsHttpClient } from "../../providers/insights/http-client";
import { reconcile, type ReconcileOptions } from "../../register/reconcile";
import type { PropagationWait } from "../../register/propagation";
import { manyEpmConnectors } from "./helpers";

const SITE = "00000000-0000-4000-8000-000000000000";
const FAST: ReconcileOptions = { dryRun: false, concurrency: 1, settleTimeoutMs: 2000, pollMs: 10 };
const WAIT: PropagationWait = { source: "the stand-in source", windowMs: 3000, retryEveryMs: 20 };

/** The progress lines a wait reports, as the CLI would print them. */
function recordingProgress() {
  const lines: string[] = [];
  return {
    lines,
    wait: (label: string) => {
      lines.push(`wait: ${label}`);
      return {
        update: (detail: string) => lines.push(`  ${detail}`),
        end: (outcome?: string) => lines.push(`end: ${outcome}`),
      };
    },
  };
}

describe("register: a first check that is not Connected is checked again within the propagation window", () => {
  let emulator: InsightsEmulator;
  let calls: string[];
  const client = () =>
    new InsightsHttpClient({
      kinds: INSIGHTS_CONNECTOR_KINDS,
      baseUrl: emulator.url,
      siteId: SITE,
      onExchange: (e) => calls.push(`${e.method} ${e.status}`),
      retry: { retries: 0 },
      timeoutMs: 5000,
    });
  beforeEach(async () => {
    emulator = await InsightsEmulator.start({ kinds: INSIGHTS_CONNECTOR_KINDS, checkDelayMs: 5 });
    calls = [];
  });
  afterEach(() => emulator.stop());

  test("two checks fail while the source propagates, the third connects: Connected, with progress", async () => {
    emulator.injectCheckFault({ outcome: "Failed", times: 2 });
    const progress = recordingProgress();
    const [result] = await reconcile(client(), manyEpmConnectors(1), { ...FAST, propagation: WAIT, progress });
    expect(result).toMatchObject({ action: "create", connectivity: "Connected" });
    expect(result.detail).toBeUndefined();
    // The create, then the registration sent again twice: each update starts a new check.
    expect(calls.filter((c) => !c.startsWith("GET"))).toEqual(["POST 201", "PATCH 200", "PATCH 200"]);
    expect(progress.lines).toContainEqual("wait: acme/EPM 0000: waiting up to 0.1 min for the stand-in source");
    expect(progress.lines).toContainEqual("  check 2: Failed; 0 min waited");
    expect(progress.lines.at(-1)).toBe("end: Connected");
  });

  test("a Warning that lasts past the window is the result, with how long it was waited for", async () => {
    emulator.injectCheckFault({ outcome: "Warning" });
    const wait = { ...WAIT, windowMs: 200, retryEveryMs: 40 };
    const [result] = await reconcile(client(), manyEpmConnectors(1), { ...FAST, propagation: wait });
    expect(result.connectivity).toBe("Warning");
    expect(result.detail).toMatch(
      /^Warning: connected, but some data could not be read: a permission is missing \(injected check fault\) \(after \d+ checks over 0 min waiting for the stand-in source\)$/,
    );
  });

  test("without a propagation wait the first check stands (register, or a connector up did not deploy)", async () => {
    emulator.injectCheckFault({ outcome: "Failed", times: 1 });
    const [result] = await reconcile(client(), manyEpmConnectors(1), FAST);
    expect(result.connectivity).toBe("Failed");
    expect(calls.filter((c) => c.startsWith("PATCH"))).toEqual([]);
  });

  test("a check that never ends is pending: re-asked within the window, then reported as still Checking", async () => {
    emulator.injectCheckFault({ outcome: "never" });
    const settle = { ...FAST, settleTimeoutMs: 60 };
    const [result] = await reconcile(client(), manyEpmConnectors(1), {
      ...settle,
      propagation: { ...WAIT, windowMs: 250 },
    });
    expect(result.connectivity).toBe("Checking");
    expect(result.detail).toMatch(/^connectivity still Checking after 0 s \(after \d+ checks over/);
    expect(calls.filter((c) => c.startsWith("PATCH")).length).toBeGreaterThanOrEqual(1);
  });
});
