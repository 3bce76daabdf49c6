import { join } from "node:path";
import { INSIGHTS_CONNECTOR_KINDS } from "../../connectors/catalog";
import { sortGrants } from "../../connectors/grant";
import { loadConfig } from "../../config/load";
import { buildPlan } from "../../plan/build";
import { hasStack } from "../../plan/select";
import { renderJson } from "../../plan/render-json";
import { renderMarkdown } from "../../plan/render-markdown";
import { renderTable } from "../../plan/render-table";
import { REPO } from "../helpers/cli";

const allSources = loadConfig(join(REPO, "examples", "all-sources.yaml"));

describe("plan model", () => {
  const plan = buildPlan(allSources);
  const connectors = plan.tenants[0].connectors;

  test("has every connector, sorted by kind then name, with sorted grants", () => {
    expect(connectors.map((c) => c.kind)).toEqual(INSIGHTS_CONNECTOR_KINDS.map((k) => k.kind).sort());
    for (const c of connectors) expect(c.grants).toEqual(sortGrants(c.grants));
  });

  test("names stacks <tenant>-<kind> for provisioned kinds only", () => {
    const stacks = connectors.filter(hasStack).map((c) => c.provisioning.stackName);
    const stackKinds = INSIGHTS_CONNECTOR_KINDS.filter((k) => k.provisioning.mode === "stack").map((k) => k.kind);
    expect(stackKinds).toEqual(expect.arrayContaining(["aws", "azure", "gcp", "github", "okta", "pingone"]));
    expect(stacks.sort()).toEqual(stackKinds.map((kind) => `acme-prod-${kind}`).sort());
  });

  test("two connectors of one kind get distinct stack names", () => {
    const base = allSources.tenants[0];
    const aws = base.connectors.find((c) => c.kind === "aws")!;
    const twice = { ...allSources, tenants: [{ ...base, connectors: [aws, { ...aws, name: "AWS Sandbox" }] }] };
    const names = buildPlan(twice)
      .tenants[0].connectors.filter(hasStack)
      .map((c) => c.provisioning.stackName);
    expect(names.sort()).toEqual(["acme-prod-aws-aws-organization", "acme-prod-aws-aws-sandbox"]);
  });

  test("secret fields are planned as references or stack outputs, never values", () => {
    for (const c of connectors) {
      for (const f of c.registration.filter((x) => x.secret && x.value.from !== "unset")) {
        expect(["secret", "output"]).toContain(f.value.from);
      }
    }
    const pra = connectors.find((c) => c.kind === "pra-cloud")!;
    expect(pra.registration.find((f) => f.key === "clientSecret")!.value).toEqual({
      from: "secret",
      ref: "env:PRA_CLIENT_SECRET",
    });
  });

  test("filters tenants", () => {
    expect(buildPlan(allSources, ["nobody"]).tenants).toEqual([]);
    expect(buildPlan(allSources, ["acme-prod"]).tenants).toHaveLength(1);
  });
});

describe("plan renderers", () => {
  const plan = buildPlan(allSources);

  test("json is stable: sorted keys, same bytes on every run, parses back", () => {
    const text = renderJson(plan);
    expect(renderJson(buildPlan(loadConfig(join(REPO, "examples", "all-sources.yaml"))))).toBe(text);
    const parsed = JSON.parse(text);
    expect(renderJson(parsed)).toBe(text);
    expect(Object.keys(parsed.tenants[0].connectors[0])).toEqual(
      [...Object.keys(parsed.tenants[0].connectors[0])].sort(),
    );
    expect(parsed.planVersion).toBe(1);
  });

  test("markdown has a section per connector and a grant table row per grant", () => {
    const md = renderMarkdown(plan);
    const grants = plan.tenants[0].connectors.flatMap((c) => c.grants);
    expect(md).toMatch(/^# Insights connectors plan\n/);
    expect(md).toContain("## Tenant `acme-prod`");
    for (const c of plan.tenants[0].connectors) expect(md).toContain(`### ${c.name} (\`${c.kind}\`)`);
    const rows = md.split("\n").filter((l) => /^\| [a-z0-9-]+:/.test(l));
    expect(rows).toHaveLength(grants.length);
    expect(md).toContain("| Client Secret | env:PRA_CLIENT_SECRET (reference; not read by plan) |");
  });

  test("markdown escapes pipes in cells", () => {
    const withPipe = {
      ...plan,
      tenants: [{ ...plan.tenants[0], connectors: [{ ...plan.tenants[0].connectors[0], name: "A | B" }] }],
    };
    expect(renderMarkdown(withPipe)).toContain("### A \\| B");
  });

  test("markdown cells go through the one escaper: a backslash before a pipe survives, control characters do not", () => {
    const connector = plan.tenants[0].connectors.find((c) => c.grants.length > 0)!;
    const hostile = {
      ...connector,
      name: "A\\| B\u001b[2J\u0007",
      grants: [{ ...connector.grants[0], origin: "one\ntwo" }],
    };
    const md = renderMarkdown({ ...plan, tenants: [{ ...plan.tenants[0], connectors: [hostile] }] });
    expect(md).toContain("### A\\\\\\| B (`");
    expect(md).toContain("| one<br>two |");
    expect(md).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/);
  });

  test("table lists each connector, its grants and numbered origins", () => {
    const text = renderTable(plan, 160);
    const count = allSources.tenants[0].connectors.length;
    expect(text).toMatch(
      new RegExp(
        `^Tenant acme-prod {2}\\(Insights: http, https://app\\.beyondtrust\\.io; ${count} connectors, \\d+ grants`,
      ),
    );
    for (const c of plan.tenants[0].connectors) expect(text).toContain(`${c.name} [${c.kind}]`);
    expect(text).toContain("okta.networkZones.read");
    expect(text).toMatch(/\[1\] Identity Security Insights Connectors Guide 24\.04 § /);
  });
});
