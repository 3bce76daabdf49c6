import { join } from "node:path";
import { crossCheck } from "../../config/cross-checks";
import { loadConfig } from "../../config/load";
import type { TenantConfig, ToolkitConfig } from "../../config/types";
import type { ConnectorConfig } from "../../connectors/catalog";
import { buildPlan } from "../../plan/build";
import { hasStack, plannedOfKind } from "../../plan/select";
import { REPO } from "../helpers/cli";
import { configWith, lineOf, problemsOf, VALID } from "../helpers/config-text";

const okta = (name: string) => VALID.okta.replace("name: Okta", `name: ${name}`);

describe("two connectors never share a stack", () => {
  test.each([
    ["punctuation", "Acme Okta", "Acme-Okta", "acme-okta-acme-okta"],
    ["case and spacing", "Acme  OKTA!", "acme okta", "acme-okta-acme-okta"],
    [
      "the first 40 slug characters",
      `Okta ${"x".repeat(40)} production`,
      `Okta ${"x".repeat(40)} staging`,
      `acme-okta-okta-${"x".repeat(35)}`,
    ],
  ])("names alike in %s are refused at both places, each naming the other", (_case, first, second, stack) => {
    const text = configWith([okta(first), VALID.github, okta(second)]);
    const problems = problemsOf(text);
    expect(problems).toEqual([
      expect.objectContaining({
        line: lineOf(text, `name: ${first}`),
        path: "tenants[0].connectors[0].name",
        message: expect.stringContaining(`makes the same stack name "${stack}" as connectors[2] ("${second}")`),
      }),
      expect.objectContaining({
        line: lineOf(text, `name: ${second}`),
        path: "tenants[0].connectors[2].name",
        message: expect.stringContaining(`makes the same stack name "${stack}" as connectors[0] ("${first}")`),
      }),
    ]);
  });

  test("names that differ in their slug are fine, and so is one connector of a kind (no slug at all)", () => {
    expect(problemsOf(configWith([okta("Acme Okta"), okta("Acme Okta 2")]))).toEqual([]);
    expect(problemsOf(configWith([okta("Acme Okta")]))).toEqual([]);
  });

  test("the same name twice is reported once, as a duplicate name", () => {
    const problems = problemsOf(configWith([okta("Acme Okta"), okta("acme okta")]));
    expect(problems.map((p) => p.message)).toEqual([
      expect.stringMatching(/^duplicate okta connector name "acme okta"/),
    ]);
  });

  test("kinds and tenants have stack names of their own", () => {
    expect(problemsOf(configWith([okta("Acme"), VALID.github.replace("name: GH", "name: Acme")]))).toEqual([]);
  });
});

/**
 * An array that counts how often its elements are read: the work a pass over the
 * connectors does, measured in reads rather than seconds (machines differ, counts do not).
 */
function counted<T>(items: T[]): { list: T[]; reads: () => number } {
  let reads = 0;
  const list = new Proxy(items, {
    get(target, key, receiver) {
      if (typeof key === "string" && /^\d+$/.test(key)) reads += 1;
      return Reflect.get(target, key, receiver);
    },
  });
  return { list, reads: () => reads };
}

describe("stack names are computed in linear time", () => {
  const example = loadConfig(join(REPO, "examples", "all-sources.yaml"));
  const base = example.tenants[0];
  const oktaConnector = base.connectors.find((c) => c.kind === "okta")!;

  /** Element reads of the connector list that planning, the cross-check and the engine apps make for `n` connectors. */
  function readsFor(n: number): number {
    const connectors = Array.from({ length: n }, (_, i) => ({
      ...oktaConnector,
      name: `Okta ${i}`,
    })) as ConnectorConfig[];
    const { list, reads } = counted(connectors);
    const config: ToolkitConfig = { ...example, tenants: [{ ...base, connectors: list } as TenantConfig] };
    const plan = buildPlan(config);
    expect(new Set(plan.tenants[0].connectors.filter(hasStack).map((c) => c.provisioning.stackName)).size).toBe(n);
    expect(crossCheck([{ name: base.name, connectors: list }])).toEqual([]);
    expect(plannedOfKind(plan, "okta")).toHaveLength(n);
    return reads();
  }

  test("16 times the connectors (1,000 → 16,000) cost 16 times the reads, not 256", () => {
    const small = readsFor(1_000);
    expect(small).toBeLessThanOrEqual(20 * 1_000); // a quadratic pass reads ~1,000,000 times: fail before 16,000
    const large = readsFor(16_000);
    expect(large / small).toBeCloseTo(16, 0);
  });
});
