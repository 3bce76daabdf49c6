import { SecretValue } from "../../values/secret-value";
import { InsightsEmulator } from "../../providers/insights/emulator/server";
import { InsightsHttpClient } from "../../providers/insights/http-client";
import { seededRandom } from "../../providers/insights/emulator/faults";
import { reconcile, type ReconcileOptions } from "../../register/reconcile";
import { manyEpmConnectors } from "./helpers";
import { INSIGHTS_CONNECTOR_KINDS } from "../../connectors/catalog";

const SITE = "00000000-0000-4000-8000-000000000000";
const FAST: ReconcileOptions = { dryRun: false, concurrency: 4, settleTimeoutMs: 3000, pollMs: 20 };

describe("register: reconcile against the emulator", () => {
  let emulator: InsightsEmulator | undefined;
  afterEach(async () => {
    await emulator?.stop();
    emulator = undefined;
  });

  function clientFor(url: string, calls?: string[], random = Math.random) {
    return new InsightsHttpClient({
      kinds: INSIGHTS_CONNECTOR_KINDS,
      baseUrl: url,
      siteId: SITE,
      onExchange: (e) => calls?.push(`${e.method} ${e.status}`),
      retry: { retries: 10, baseDelayMs: 5, maxDelayMs: 40, random },
      timeoutMs: 5000,
    });
  }

  test("a re-run changes nothing; one changed field is one update of that field only", async () => {
    emulator = await InsightsEmulator.start({ kinds: INSIGHTS_CONNECTOR_KINDS, checkDelayMs: 10 });
    const desired = manyEpmConnectors(5);
    expect((await reconcile(clientFor(emulator.url), desired, FAST)).map((r) => r.action)).toEqual(
      Array(5).fill("create"),
    );

    const calls: string[] = [];
    const rerun = await reconcile(clientFor(emulator.url, calls), desired, FAST);
    expect(rerun.map((r) => r.action)).toEqual(Array(5).fill("unchanged"));
    expect(calls).toEqual(["GET 200"]); // one list, nothing else

    const changed = manyEpmConnectors(5);
    changed[2] = { ...changed[2], values: { ...changed[2].values, clientSecret: new SecretValue("rotated-secret") } };
    const patches: string[] = [];
    const third = await reconcile(clientFor(emulator.url, patches), changed, FAST);
    expect(third.map((r) => r.action)).toEqual(["unchanged", "unchanged", "update", "unchanged", "unchanged"]);
    expect(third[2].fields).toEqual(["clientSecret"]);
    expect(patches.filter((c) => c.startsWith("PATCH"))).toEqual(["PATCH 200"]);
  });

  test("--dry-run reports creates and updates without any call that changes something", async () => {
    emulator = await InsightsEmulator.start({ kinds: INSIGHTS_CONNECTOR_KINDS, checkDelayMs: 10 });
    const desired = manyEpmConnectors(3);
    await reconcile(clientFor(emulator.url), desired.slice(0, 1), FAST);
    const changed = [{ ...desired[0], values: { ...desired[0].values, clientId: "other" } }, ...desired.slice(1)];
    const calls: string[] = [];
    const results = await reconcile(clientFor(emulator.url, calls), changed, { ...FAST, dryRun: true });
    expect(results.map((r) => [r.action, r.fields])).toEqual([
      ["update", ["clientId"]],
      ["create", ["clientId", "clientSecret", "domain", "name"]],
      ["create", ["clientId", "clientSecret", "domain", "name"]],
    ]);
    expect(calls.every((c) => c.startsWith("GET"))).toBe(true);
    expect((await emulator.all()).length).toBe(1);
  });

  test("with 20% injected 429s, 5xx and dropped connections, every connector ends registered exactly once", async () => {
    emulator = await InsightsEmulator.start({
      kinds: INSIGHTS_CONNECTOR_KINDS,
      checkDelayMs: 10,
      faults: { rate429: 0.08, rate5xx: 0.08, rateDrop: 0.04, retryAfterSeconds: 0, seed: 7 },
    });
    const desired = manyEpmConnectors(40);
    const calls: string[] = [];
    const results = await reconcile(clientFor(emulator.url, calls, seededRandom(3)), desired, {
      ...FAST,
      concurrency: 8,
    });
    expect(results.filter((r) => r.action === "failed")).toEqual([]);
    const stored = await emulator.all();
    expect(stored.map((c) => c.name).sort()).toEqual(desired.map((d) => d.name).sort());
    expect(calls.filter((c) => / (429|50\d)$/.test(c)).length).toBeGreaterThan(5); // faults did happen
    // A second run converges to no change, faults and all.
    expect(
      (await reconcile(clientFor(emulator.url, undefined, seededRandom(4)), desired, FAST)).every(
        (r) => r.action === "unchanged",
      ),
    ).toBe(true);
  });

  test("a create that meets an existing connector (an earlier crashed run) becomes an update, not a duplicate", async () => {
    emulator = await InsightsEmulator.start({ kinds: INSIGHTS_CONNECTOR_KINDS, checkDelayMs: 10 });
    const [wanted] = manyEpmConnectors(1);
    const api = clientFor(emulator.url);
    // Another run created it between our list and our create: hide it from the list once.
    const listOnce = api.list.bind(api);
    let first = true;
    api.list = async () => (first ? ((first = false), []) : listOnce());
    await clientFor(emulator.url).create(
      "epm-cloud",
      { ...wanted.values, clientId: "stale", clientSecret: "stale" } as any,
      "earlier-run-key-0001",
    );
    const [result] = await reconcile(api, [wanted], FAST);
    expect([result.action, result.fields]).toEqual(["update", ["clientId", "clientSecret"]]);
    expect((await emulator.all()).length).toBe(1);
  });

  test("a failing connector is reported with its reason and does not stop the others", async () => {
    emulator = await InsightsEmulator.start({ kinds: INSIGHTS_CONNECTOR_KINDS, checkDelayMs: 10 });
    const desired = manyEpmConnectors(3);
    desired[1] = { ...desired[1], values: { ...desired[1].values, domain: "not a url" } };
    desired[2] = {
      ...desired[2],
      values: { ...desired[2].values, clientSecret: new SecretValue("FAIL-CONNECTIVITY") },
    };
    const results = await reconcile(clientFor(emulator.url), desired, FAST);
    expect(results.map((r) => r.action)).toEqual(["create", "failed", "create"]);
    expect(results[1].detail).toMatch(/HTTP 422 .*domain:/);
    expect(results[2]).toMatchObject({
      connectivity: "Failed",
      detail: "Failed: authentication failed: the source rejected the credentials (HTTP 401)",
    });
  });
});
