import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { App as CdkApp } from "aws-cdk-lib";
import { Testing } from "cdktf";
import { CATALOG } from "../../connectors/catalog";
import * as stackNameModule from "../../connectors/stack-name";
import { loadConfig } from "../../config/load";
import { addPlannedCdkStacks, addPlannedCdktfStacks } from "../../kinds/apps";
import { engineResolver } from "../../kinds/engines";
import { planSynthesis } from "../../kinds/plan-synthesis";
import { upTenant } from "../../lifecycle/up";
import { buildPlan } from "../../plan/build";
import * as connectorKeyModule from "../../plan/connector-key";
import { withExtractedGrants } from "../../review/attach";
import type { SourceReader } from "../../verify/reading";
import { verifyConfig } from "../../verify/run";
import { REPO } from "../helpers/cli";

// swc compiles exports to fixed getters; these spies need module objects whose functions they may replace.
jest.mock("../../connectors/stack-name", () => ({
  __esModule: true,
  ...jest.requireActual("../../connectors/stack-name"),
}));
jest.mock("../../plan/connector-key", () => ({ __esModule: true, ...jest.requireActual("../../plan/connector-key") }));

/**
 * Each connector's stack name, key and catalog grants are computed once per plan (plan/build.ts)
 * and every later stage reads them from the carrier (PlannedConnector). Proved two ways: by
 * counting the calls while the stages run, and by listing the product modules that call the
 * functions that compute them.
 */
const config = loadConfig(join(REPO, "examples", "all-sources.yaml"));
const connectors = config.tenants.flatMap((t) => t.connectors);

/** Spies on the three computations; counts start at zero once the config is loaded (its check names stacks too). */
function spies() {
  const stackNames = jest.spyOn(stackNameModule, "stackNames");
  const connectorKey = jest.spyOn(connectorKeyModule, "connectorKey");
  const grants = CATALOG.map((kind) => jest.spyOn(kind, "grants" as never) as jest.SpyInstance);
  return {
    counts: () => ({
      stackNames: stackNames.mock.calls.length,
      connectorKeys: connectorKey.mock.calls.length,
      grants: grants.reduce((sum, spy) => sum + spy.mock.calls.length, 0),
    }),
    /** Which configs each kind's grants were computed for. */
    grantsOf: () => grants.flatMap((spy) => spy.mock.calls.map(([connector]) => connector)),
  };
}

/** What one plan of the whole config computes: a stack-name pass per tenant, a key and grants per connector. */
const ONE_PLAN = { stackNames: config.tenants.length, connectorKeys: connectors.length, grants: connectors.length };

afterEach(() => jest.restoreAllMocks());

describe("stack names, keys and grants are computed once per plan", () => {
  test("the config has more than one connector, so a recomputation would show", () => {
    expect(connectors.length).toBeGreaterThan(1);
  });

  test("plan, its extraction and consistency check, and the engine apps built from it: one plan's worth", async () => {
    const { counts, grantsOf } = spies();
    const plan = await withExtractedGrants(buildPlan(config), { ...planSynthesis(), parallel: false });
    await addPlannedCdkStacks(new CdkApp(), plan);
    await addPlannedCdktfStacks(Testing.app(), plan);
    expect(counts()).toEqual(ONE_PLAN);
    // Each connector's grants were computed for that connector's own config, once.
    expect(new Set(grantsOf())).toEqual(new Set(connectors));
  }, 180_000);

  test("up --dry-run builds its plan of the tenant and its engines from it: one plan's worth", async () => {
    const engineFor = await engineResolver(config);
    const { counts } = spies();
    const tenant = config.tenants[0];
    await upTenant(config, tenant.name, {
      engineFor,
      dryRun: true,
      env: {},
      settle: { settleTimeoutMs: 1, pollMs: 1 },
      sheetDir: "/nonexistent",
    });
    expect(counts()).toEqual({
      stackNames: 1,
      connectorKeys: tenant.connectors.length,
      grants: tenant.connectors.length,
    });
  });

  test("verify compares each reading with the plan's grants: one plan's worth", async () => {
    const reader = (kind: string): SourceReader<any> => ({ kind, read: async () => ({ grants: [], facts: [] }) });
    const readers = Object.fromEntries(CATALOG.map((k) => [k.kind, reader(k.kind)]));
    const { counts } = spies();
    const limits = { requestTimeoutMs: 1000, maxAttempts: 1, sourceTimeoutMs: 1000 };
    await verifyConfig(config, { env: {}, githubDir: "/nonexistent", limits, skipConnectivity: true, readers });
    expect(counts()).toEqual(ONE_PLAN);
  });
});

describe("the product modules that compute them", () => {
  const PRODUCT = ["bin", "cli", "config", "connectors", "kinds", "lifecycle", "plan", "providers", "register"];
  const files = [...PRODUCT, "review", "stacks", "values", "verify"].flatMap((folder) =>
    (readdirSync(join(REPO, folder), { recursive: true }) as string[])
      .filter((f) => f.endsWith(".ts"))
      .map((f) => join(REPO, folder, f)),
  );
  const calling = (pattern: RegExp) =>
    files.filter((file) => pattern.test(readFileSync(file, "utf8"))).map((file) => relative(REPO, file));

  test("stack names: the plan, and the config check that refuses two connectors one stack name", () => {
    expect(calling(/\bstackNames\(/).sort()).toEqual([
      "config/cross-checks.ts",
      "connectors/stack-name.ts", // the definition
      "plan/build.ts",
      // Only for plan files from before the identity was recorded: no carrier to read it from.
      "plan/identity.ts",
    ]);
  });

  test("a kind's catalog grants: the plan alone", () => {
    expect(calling(/\b(kind|kindOf\([^)]*\))\.grants\(/)).toEqual(["plan/build.ts"]);
  });

  test("a connector's key: written once; the plan computes the carrier's, the rest compare with the same function", () => {
    // Tenant, kind and name joined anywhere else would be a second definition (the emulator stands in
    // for Insights' own storage, in providers/, which the plan layer is above).
    expect(calling(/\$\{[\w.]*kind\}\\n\$\{[\w.]*name\}/).sort()).toEqual([
      "plan/connector-key.ts",
      "providers/insights/emulator/store.ts",
    ]);
    expect(calling(/\bconnectorKey\(tenant, kind\.kind/)).toEqual(["plan/build.ts"]);
  });
});
