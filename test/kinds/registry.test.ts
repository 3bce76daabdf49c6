import { join } from "node:path";
import { Testing } from "cdktf";
import { CATALOG } from "../../connectors/catalog";
import { ENGINE_NAMES } from "../../connectors/kind";
import { loadConfig } from "../../config/load";
import { engineFor } from "../../kinds/engines";
import { ADAPTERS, adapterOf, READERS, SYNTHESES } from "../../kinds/registry";
import { NOT_ROTATED } from "../../lifecycle/credential-created";
import { buildPlan } from "../../plan/build";
import { hasStack, plannedConnectors } from "../../plan/select";
import type { CdktfStackFactory } from "../../stacks/stack-factory";
import { REPO } from "../helpers/cli";

// Every expectation is derived from the catalog (connectors/), never a list of kinds written here:
// a new kind changes what is expected, not this file.
const stackKinds = CATALOG.filter((k) => k.provisioning.mode === "stack");
const stackKindNames: string[] = stackKinds.map((k) => k.kind).sort();
const engineOfKind = (kind: string) => {
  const provisioning = CATALOG.find((k) => k.kind === kind)!.provisioning;
  return provisioning.mode === "stack" ? provisioning.engine : undefined;
};

const config = loadConfig(join(REPO, "examples", "all-sources.yaml"));
const plan = buildPlan(config);

describe("the registry of adapters (kinds/) against the catalog", () => {
  test("the example covers every stack kind of the catalog, so the checks below see each of them", () => {
    const planned = plannedConnectors(plan).filter(hasStack);
    expect([...new Set(planned.map((c) => c.kind))].sort()).toEqual(stackKindNames);
  });

  test("one adapter per stack kind, and none for a registration-only, collector or integration kind", () => {
    expect(Object.keys(ADAPTERS).sort()).toEqual(stackKindNames);
    const others = CATALOG.filter((k) => k.provisioning.mode !== "stack");
    expect(others.length).toBeGreaterThan(0);
    for (const kind of others) expect(adapterOf(kind.kind)).toBeUndefined();
    expect(adapterOf("toString")).toBeUndefined();
  });

  test("the tables handed to the lower layers list exactly the stack kinds: plan's syntheses, verify's readers", () => {
    expect(Object.keys(SYNTHESES).sort()).toEqual(stackKindNames);
    expect(Object.keys(READERS).sort()).toEqual(stackKindNames);
    for (const [kind, reader] of Object.entries(READERS)) expect(reader.kind).toBe(kind);
  });

  test("each reader loaded on first read is the kind's own reader module", async () => {
    for (const kind of stackKindNames) expect((await adapterOf(kind)!.reader()).kind).toBe(kind);
  });

  test("engine → kinds: each stack kind sits under the one engine its catalog entry names, spelled as ENGINE_NAMES", () => {
    const byEngine = new Map<string, string[]>();
    for (const kind of stackKinds) {
      const engine = engineOfKind(kind.kind)!;
      byEngine.set(engine, [...(byEngine.get(engine) ?? []), kind.kind]);
    }
    for (const engine of byEngine.keys()) expect(ENGINE_NAMES).toContain(engine);
    expect([...byEngine.values()].flat().sort()).toEqual(stackKindNames);
  });

  test("the engine each adapter builds runs the catalog's engine on the plan's stack name", async () => {
    const tenant = plan.tenants[0];
    for (const planned of tenant.connectors.filter(hasStack)) {
      const engine = (await engineFor(planned, tenant, config.dir, { configFile: "tenants.yaml" }))!;
      expect(engine.step).toEqual({
        engine: engineOfKind(planned.kind),
        stackName: planned.provisioning.stackName,
        summary: planned.provisioning.summary,
      });
    }
    for (const planned of tenant.connectors.filter((c) => !hasStack(c)))
      expect(await engineFor(planned, tenant, config.dir, { configFile: "tenants.yaml" })).toBeUndefined();
  });

  test("rotation outputs are declared for exactly the kinds whose catalog entry rotates a credential", () => {
    const declared = stackKindNames.filter((kind) => adapterOf(kind)!.rotation !== NOT_ROTATED);
    const rotating = CATALOG.filter((k) => k.credentialRotation).map((k) => k.kind);
    expect(declared).toEqual(rotating.sort());
    expect(declared.length).toBeGreaterThan(0);
    for (const planned of plannedConnectors(plan).filter((c) => declared.includes(c.kind))) {
      const rotation = adapterOf(planned.kind)!.rotation;
      if (rotation === NOT_ROTATED) throw new Error("unreachable");
      // The period field is one the loaded config holds as a number of days.
      expect(typeof (planned.config as unknown as Record<string, unknown>)[rotation.periodDays]).toBe("number");
    }
  });

  test("each declared rotation output of a CDKTF stack is an output of the stack its adapter builds", async () => {
    const cdktfKinds = stackKindNames.filter((kind) => engineOfKind(kind) === "cdktf");
    for (const planned of plannedConnectors(plan).filter(hasStack)) {
      if (!cdktfKinds.includes(planned.kind)) continue;
      const adapter = adapterOf(planned.kind)!;
      if (adapter.rotation === NOT_ROTATED) continue;
      const build = (await adapter.stack()) as CdktfStackFactory<unknown>;
      const json = JSON.parse(Testing.synth(build(Testing.app(), planned.provisioning.stackName, planned.config)));
      const output = adapter.rotation.createdAt ?? adapter.rotation.dueAt;
      expect(Object.keys(json.output ?? {})).toContain(output);
    }
  }, 120_000);
});
