import type { DownReport } from "../../lifecycle/down";
import type { UpReport } from "../../lifecycle/up";
import { Harness, STACKS } from "./harness";
import { keyOf } from "./fake-cloud";
import { changedFields } from "../../register/reconcile";
import { SecretValue } from "../../values/secret-value";

const DAY = 24 * 60 * 60 * 1000;
const T0 = new Date("2026-01-01T00:00:00Z");
/** Past the Okta key's default 90-day rotation. */
const T1 = new Date(T0.getTime() + 91 * DAY);

let harness: Harness;
const failingUpdate = async (): Promise<never> => {
  throw new Error("HTTP 503 unavailable");
};
afterEach(() => harness?.stop());

/** Whether Insights holds the Okta key of this generation (by the API's salted fingerprint). */
async function insightsHoldsOktaKey(generation: number): Promise<boolean> {
  const okta = (await harness.emulator.all()).find((c) => c.kind === "okta")!;
  const current = {
    ...okta,
    id: okta._id!,
    connectivity: "Connected" as const,
    lastActivityAt: okta.updatedAt,
  } as never;
  const wanted = {
    tenant: "acme",
    kind: "okta",
    name: okta.name,
    values: { pemKey: new SecretValue(keyOf(generation)) },
    secretFields: new Set(["pemKey"]),
  };
  return (await changedFields(wanted, current)).length === 0;
}

describe("Okta key rotation by overlap inside up (fake engines, emulator)", () => {
  test("a due key: deploy with both keys, register the new one, then deploy without the old", async () => {
    harness = await Harness.start();
    await harness.up({ now: () => T0 });
    expect(harness.cloud.slotsOf("acme-okta")).toEqual({ current: { generation: 1, createdAt: T0.toISOString() } });
    harness.cloud.log.length = 0;

    const records: [string, unknown][] = [];
    const recordCredential = (connector: string, record: unknown) => void records.push([connector, record]);
    const report = (await harness.up({ now: () => T1, recordCredential })) as UpReport;
    const okta = report.connectors.find((c) => c.kind === "okta")!;
    // status reads the new key's creation from the record up leaves when it registers it.
    const source = "pulumi stack output keyCreatedAt";
    expect(records.filter(([name]) => name === "Acme Okta")).toEqual([
      ["Acme Okta", { createdAt: T1.toISOString(), registeredAt: T1.toISOString(), source }],
    ]);
    expect(okta).toMatchObject({ outcome: "converged", registration: { action: "update", fields: ["pemKey"] } });
    // The Okta stack's deploys and the Okta connector's updates (the Entra secret rotates in the same run).
    const oktaId = (await harness.emulator.all()).find((c) => c.kind === "okta")!._id!;
    const oktaUpdate = `update ${JSON.stringify(oktaId).slice(0, 30)}`;
    const oktaSteps = harness.cloud.log.filter((l) => l === "deploy acme-okta" || l === oktaUpdate);
    expect(oktaSteps.map((l) => l.split(" ")[0])).toEqual(["deploy", "update", "deploy"]);
    expect(harness.cloud.slotsOf("acme-okta")).toEqual({ current: { generation: 2, createdAt: T1.toISOString() } });
    expect(await insightsHoldsOktaKey(2)).toBe(true);
    expect(okta.steps).toContain("Okta key: generation 1 is due; adding generation 2 beside it");
  });

  test("a key not yet due is left alone", async () => {
    harness = await Harness.start();
    await harness.up({ now: () => T0 });
    await harness.up({ now: () => new Date(T0.getTime() + 30 * DAY) });
    expect(harness.cloud.slotsOf("acme-okta")?.current.generation).toBe(1);
  });

  test("a registration that fails keeps the old key in the app (never removed before the new one is registered)", async () => {
    harness = await Harness.start();
    await harness.up({ now: () => T0 });
    const report = (await harness.up({
      now: () => T1,
      insightsApi: harness.apiWith({ update: failingUpdate }),
    })) as UpReport;
    expect(report.connectors.find((c) => c.kind === "okta")!.outcome).toBe("failed");
    expect(harness.cloud.slotsOf("acme-okta")).toMatchObject({ current: { generation: 1 }, next: { generation: 2 } });
    expect(await insightsHoldsOktaKey(1)).toBe(true);
  });
});

describe("kill up at every step and re-run: the tenant converges (fake engines, emulator)", () => {
  /** The tenant before the killed run: nothing at all, or deployed at T0 with the Okta key now due. */
  const phases = [
    { phase: "from nothing", before: async () => undefined },
    { phase: "mid-rotation", before: async () => void (await harness.up({ now: () => T0 })) },
  ];

  test.each(phases)(
    "$phase: for every kill point k, re-runs end with each connector and stack once, key rotated",
    async ({ before }) => {
      // One uninterrupted run counts the effects (deploys and API changes) there are to kill at.
      harness = await Harness.start();
      await before();
      harness.cloud.revive();
      await harness.up({ now: () => T1 });
      const total = harness.cloud.steps;
      await harness.stop();
      expect(total).toBeGreaterThanOrEqual(5);

      for (let k = 1; k <= total; k++) {
        harness = await Harness.start();
        await before();
        harness.cloud.revive();
        harness.cloud.killAt = k;
        expect(await harness.up({ now: () => T1 })).toBe("killed");
        harness.cloud.revive();
        let report: UpReport | "killed" = "killed";
        for (let run = 0; run < 3 && !converged(report); run++) report = await harness.up({ now: () => T1 });
        expect([k, converged(report)]).toEqual([k, true]);
        const names = await harness.registered();
        expect(new Set(names).size).toBe(names.length);
        expect(names).toHaveLength(5);
        expect([...harness.cloud.stacks.keys()].sort()).toEqual([...STACKS].sort());
        const slots = harness.cloud.slotsOf("acme-okta");
        expect([k, slots?.next, await insightsHoldsOktaKey(slots!.current.generation)]).toEqual([k, undefined, true]);
        await harness.stop();
      }
      harness = undefined as never;
    },
  );

  test("for every kill point k of down, a re-run of down leaves no connector and no stack", async () => {
    harness = await Harness.start();
    await harness.up({ now: () => T0 });
    harness.cloud.revive();
    await harness.down();
    const total = harness.cloud.steps;
    await harness.stop();
    for (let k = 1; k <= total; k++) {
      harness = await Harness.start();
      await harness.up({ now: () => T0 });
      harness.cloud.revive();
      harness.cloud.killAt = k;
      expect(await harness.down()).toBe("killed");
      harness.cloud.revive();
      const report = (await harness.down()) as DownReport;
      expect([k, report.left]).toEqual([k, []]);
      expect([k, await harness.registered(), [...harness.cloud.stacks.keys()]]).toEqual([k, [], []]);
      await harness.stop();
    }
    harness = undefined as never;
  });
});

function converged(report: UpReport | "killed"): boolean {
  return report !== "killed" && report.connectors.every((c) => c.outcome === "converged");
}
