// The diff's picture judges a grant's access as the grant rules do (review/grant-changes.ts grantsOf,
// stricterAccess): a base plan written by an older version, or edited, that recorded a write
// permission as read draws it as write, so the picture shows no access change the table does not.
import { parseConfig } from "../../config/load";
import { planSynthesis } from "../../kinds/plan-synthesis";
import { buildPlan } from "../../plan/build";
import type { PlanRecord } from "../../plan/model";
import { withExtractedGrants } from "../../review/attach";
import { diffPlans } from "../../review/diff";
import { configWith, VALID } from "../helpers/config-text";

/** The plan of one Entra connector as a JSON plan file holds it. */
async function entraPlan(): Promise<PlanRecord> {
  const config = parseConfig(configWith([VALID.azure]), "tenants.yaml", "/nonexistent");
  return JSON.parse(JSON.stringify(await withExtractedGrants(buildPlan(config), planSynthesis())));
}

/** The plan with its Graph permission Directory.Read.All renamed to `name`, recorded with `access`. */
function withGraphPermission(plan: PlanRecord, name: string, access: string): PlanRecord {
  const copy = JSON.parse(JSON.stringify(plan));
  const connector = copy.tenants[0].connectors[0];
  for (const list of [connector.grants, connector.extractedGrants]) {
    const grant = list.find((g: { name: string }) => g.name === "Directory.Read.All");
    grant.name = name;
    grant.access = access;
  }
  return copy;
}

describe("the diff's picture reads access as the grant rules do", () => {
  test("a base that recorded Directory.ReadWrite.All as read and a head that says write: no edge changes", async () => {
    const plan = await entraPlan();
    const base = withGraphPermission(plan, "Directory.ReadWrite.All", "read");
    const head = withGraphPermission(plan, "Directory.ReadWrite.All", "write");
    const diff = diffPlans(base, head);
    expect(diff.edges).toEqual([]);
    expect(diff.escalations).toEqual([]);
  });

  test("a base that truly held less still shows the widening, on the picture and as an escalation", async () => {
    const plan = await entraPlan();
    const base = withGraphPermission(plan, "Directory.Read.All", "read");
    const head = withGraphPermission(plan, "Directory.ReadWrite.All", "write");
    const diff = diffPlans(base, head);
    const grantEdges = diff.edges.filter((e) => e.edge.type === "grant");
    expect(grantEdges.map((e) => [e.change, e.edge.type === "grant" && e.edge.access])).toEqual([
      ["added", "write"],
      ["removed", "read"],
    ]);
    expect(diff.escalations.map((e) => e.rule)).toContain("grant-access-widened");
  });
});
