import type { UpConnectorOutcome, UpReport } from "../../lifecycle/up";
import type { CheckFault } from "../../providers/insights/emulator/faults";
import { changedFields } from "../../register/reconcile";
import { SecretValue } from "../../values/secret-value";
import { keyOf } from "./fake-credentials";
import { Harness } from "./harness";

const DAY = 24 * 60 * 60 * 1000;
const T0 = new Date("2026-01-01T00:00:00Z");
/** Past every kind's default 90-day rotation. */
const T1 = new Date(T0.getTime() + 91 * DAY);

/** One connector per rotating credential kind, each alone in its tenant. */
const KINDS = {
  gcp: {
    entry: 'kind: gcp\nname: Acme GCP\norganizationId: "123456789012"\nproject: { id: bt-insights-connector }',
    stack: "acme-gcp",
    field: "serviceAccountKey",
  },
  okta: { entry: "kind: okta\nname: Acme Okta\ndomain: acme.okta.com", stack: "acme-okta", field: "pemKey" },
  azure: {
    entry: "kind: azure\nname: Contoso Entra\ntenantId: 0f5b7c1e-0000-4000-8000-000000000001",
    stack: "acme-azure",
    field: "clientSecret",
  },
  pingone: {
    entry: "kind: pingone\nname: Acme PingOne\nenvironmentId: 3f1a2b4c-0000-4000-8000-000000000002\nregion: EU",
    stack: "acme-pingone",
    field: "clientSecret",
  },
} as const;
type Kind = keyof typeof KINDS;

/** How each outcome is injected: every check of the kind's connectors ends so until the fault is lifted. */
const OUTCOMES: readonly { label: string; fault: CheckFault["outcome"] }[] = [
  { label: "Failed", fault: "Failed" },
  { label: "Warning", fault: "Warning" },
  { label: "pending", fault: "never" },
];

let harness: Harness;
afterEach(() => harness?.stop());

/** A short settle, so a check that never ends is given up on quickly; propagation waits scaled to milliseconds. */
const run = (now: Date) => harness.up({ now: () => now, settle: { settleTimeoutMs: 300, pollMs: 10 } });

/** The credential each stand-in source accepts now: generation labels for slot kinds, values for PingOne. */
function accepted(kind: Kind): string[] {
  const { stack } = KINDS[kind];
  if (kind === "okta") {
    const slots = harness.cloud.slotsOf(stack)!;
    return [slots.current, ...(slots.next ? [slots.next] : [])].map((s) => `generation ${s.generation}`);
  }
  return harness.cloud.credentials
    .accepted(stack)
    .map((c) => c.value.replace(/^.*-generation-(\d+)-\d+$/, "generation $1"));
}

/** The credential the stack's last apply gave out, as `up` registers it. */
function newestCredential(kind: Kind): string {
  const { stack } = KINDS[kind];
  if (kind === "okta") return keyOf(harness.cloud.slotsOf(stack)!.next?.generation ?? 2);
  const config = harness.config.tenants[0].connectors[0];
  const outputs = harness.cloud.credentials.outputs(stack, config)!;
  return kind === "gcp" ? outputs.service_account_key : outputs.client_secret;
}

/** Whether Insights holds `value` in the connector's credential field (by the API's salted fingerprint). */
async function insightsHolds(kind: Kind, value: string): Promise<boolean> {
  const [stored] = await harness.emulator.all();
  const current = { ...stored, id: stored._id!, connectivity: "Connected", lastActivityAt: stored.updatedAt } as never;
  const field = KINDS[kind].field;
  const wanted = {
    tenant: "acme",
    kind,
    name: stored.name,
    values: { [field]: new SecretValue(value) },
    secretFields: new Set([field]),
  };
  return (await changedFields(wanted, current)).length === 0;
}

const outcomeOf = (report: UpReport | "killed"): UpConnectorOutcome => (report as UpReport).connectors[0];

describe("a rotation is completed only when Insights reports the new credential Connected (emulator check faults)", () => {
  const slotKinds = [
    ["gcp", "key"],
    ["okta", "key"],
    ["azure", "secret"],
  ] as const;
  const cases = slotKinds.flatMap(([kind, noun]) => OUTCOMES.map((o) => ({ kind, noun, ...o })));

  test.each(cases)(
    "$kind: a rotation whose new $noun comes back $label keeps the old $noun, and the next up completes it",
    async ({ kind, fault }) => {
      harness = await Harness.start([KINDS[kind].entry]);
      expect(outcomeOf(await run(T0)).outcome).toBe("converged");
      expect(accepted(kind)).toEqual(["generation 1"]);

      harness.emulator.injectCheckFault({ outcome: fault, kind });
      const held = outcomeOf(await run(T1));
      expect(held.outcome).toBe("failed");
      expect(held.detail).toMatch(/on generation 2, so generation 1 stays valid beside it and is not removed/);
      // Both are valid at the source, and Insights was given the new one: nothing is ever cut off by the toolkit.
      expect(accepted(kind)).toEqual(["generation 1", "generation 2"]);
      expect(await insightsHolds(kind, newestCredential(kind))).toBe(true);

      harness.emulator.injectCheckFault(undefined);
      const resumed = outcomeOf(await run(T1));
      expect(resumed.outcome).toBe("converged");
      expect(resumed.steps.some((s) => /resuming the rotation to generation 2/.test(s))).toBe(true);
      expect(accepted(kind)).toEqual(["generation 2"]);
    },
  );

  test.each(OUTCOMES)(
    "pingone: a rotation whose new secret comes back $label keeps the old secret working for the grace window, and is never regenerated twice",
    async ({ label, fault }) => {
      harness = await Harness.start([KINDS.pingone.entry]);
      expect(outcomeOf(await run(T0)).outcome).toBe("converged");
      harness.emulator.injectCheckFault({ outcome: fault, kind: "pingone" });
      const held = outcomeOf(await run(T1));
      expect(held.outcome).toBe("failed");
      const until = new Date(T1.getTime() + 7 * DAY).toISOString();
      expect(held.detail).toContain(`the old one keeps working until ${until} and no later (previousSecretGraceDays)`);
      expect(held.detail).toContain(label === "pending" ? "Checking" : label);
      expect(accepted("pingone")).toEqual(["generation 1", "generation 2"]);
      const regenerated = newestCredential("pingone");
      expect(await insightsHolds("pingone", regenerated)).toBe(true);

      harness.emulator.injectCheckFault(undefined);
      expect(outcomeOf(await run(new Date(T1.getTime() + DAY))).outcome).toBe("converged");
      expect(newestCredential("pingone")).toBe(regenerated);
      expect(await insightsHolds("pingone", regenerated)).toBe(true);
    },
  );
});

describe("propagation: a deploy's first failed checks are re-asked within the source's window", () => {
  test("gcp: two Failed checks while the new key propagates, then Connected: the rotation completes in one run", async () => {
    harness = await Harness.start([KINDS.gcp.entry]);
    await run(T0);
    harness.emulator.injectCheckFault({ outcome: "Failed", times: 2, kind: "gcp" });
    // 7 configured minutes at 200 ms each: room for three checks on a loaded machine.
    const report = await harness.up({
      now: () => T1,
      settle: { settleTimeoutMs: 300, pollMs: 10 },
      propagation: { minuteMs: 200, retryEveryMs: 5 },
    });
    expect(outcomeOf(report).outcome).toBe("converged");
    expect(accepted("gcp")).toEqual(["generation 2"]);
  });

  test("a propagationWaitMinutes of 0 in the config takes the first Failed as final", async () => {
    harness = await Harness.start([`${KINDS.gcp.entry}\npropagationWaitMinutes: 0`]);
    harness.emulator.injectCheckFault({ outcome: "Failed", times: 1, kind: "gcp" });
    const report = await harness.up({ now: () => T0, propagation: { minuteMs: 60_000, retryEveryMs: 5 } });
    expect(outcomeOf(report)).toMatchObject({ outcome: "failed", registration: { connectivity: "Failed" } });
  });
});

describe("PingOne: a rotation the grace window cannot cover is refused before anything changes", () => {
  test("a window shorter than the settle timeout plus the propagation wait: nothing deployed, the fields named", async () => {
    harness = await Harness.start([`${KINDS.pingone.entry}\npreviousSecretGraceDays: 1`]);
    await run(T0);
    const before = harness.cloud.credentials.outputs("acme-pingone", harness.config.tenants[0].connectors[0]);
    harness.cloud.log.length = 0;
    // A 2-day settle timeout: longer than the 1-day window the previous secret would get.
    const settle = { settleTimeoutMs: 2 * DAY, pollMs: 10 };
    const report = await harness.up({ now: () => T1, settle, propagation: { minuteMs: 0 } });
    expect(outcomeOf(report).detail).toBe(
      "PingOne client secret: due, but the replaced one would keep working 1440 min (previousSecretGraceDays), " +
        "less than up waits for the new one to be Connected (2880 min: the settle timeout plus the propagation " +
        "wait). Nothing was deployed; raise previousSecretGraceDays, or lower --settle-timeout or propagationWaitMinutes",
    );
    expect(harness.cloud.log).toEqual([]);
    expect(harness.cloud.credentials.outputs("acme-pingone", harness.config.tenants[0].connectors[0])).toEqual(before);
  });

  test("upgrade: a stack from before rotation (main 478175c–da93100) stops with the one-time step, nothing deployed", async () => {
    harness = await Harness.start([KINDS.pingone.entry]);
    await run(T0);
    harness.cloud.credentials.deployedBeforeRotation("acme-pingone");
    harness.cloud.log.length = 0;
    const detail = outcomeOf(await run(T0)).detail!;
    expect(detail).toMatch(/^PingOne client secret: stack acme-pingone predates secret rotation/);
    expect(detail).toContain(
      "terraform -chdir=cdktf.out/stacks/acme-pingone state rm pingone_application_secret.connector_application_secret",
    );
    expect(harness.cloud.log).toEqual([]);
    expect(accepted("pingone")).toEqual(["generation 1"]);
  });
});
