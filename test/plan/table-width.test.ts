import { join } from "node:path";
import { loadConfig } from "../../config/load";
import { buildPlan } from "../../plan/build";
import { renderMarkdown } from "../../plan/render-markdown";
import { renderTable } from "../../plan/render-table";
import { REPO, runCli } from "../helpers/cli";

function planOf(file: string) {
  return buildPlan(loadConfig(join(REPO, "examples", file)));
}

describe("plan output for a terminal", () => {
  test.each([100, 120])("all-sources.yaml fits %i columns: only an unbreakable word (a URL) may run past", (width) => {
    const lines = renderTable(planOf("all-sources.yaml"), width).split("\n");
    const over = lines.filter((line) => line.length > width && /\s/.test(line.trim()));
    expect(over).toEqual([]);
    expect(lines.length).toBeGreaterThan(100);
  });

  test("at 80 columns only the table whose unbreakable pieces need more runs past, by what they need", () => {
    const lines = renderTable(planOf("all-sources.yaml"), 80).split("\n");
    const over = lines.filter((line) => line.length > 80 && /\s/.test(line.trim()));
    // The Entra grants table: Scope "000000000001" 12, Kind "office365-" 10, Permission
    // "OnPremDirectorySynchronization." 31 (a Graph permission, broken after its dot), Access and
    // Origin 6 (their headings): 65 of text, 10 of padding, 6 borders = 81. Cutting the permission
    // would fit 80; the row runs long instead, as kubectl's and terraform's do.
    expect(new Set(over.map((line) => line.length))).toEqual(new Set([81]));
    expect(over.every((line) => /^[│┌├└]/.test(line))).toBe(true);
    expect(lines.some((line) => line.includes("│ OnPremDirectorySynchronization. │"))).toBe(true);
  });

  test("the PRA ↔ PI plugin counts as an integration, not a connector", () => {
    expect(renderTable(planOf("pra-privileged-identity.yaml"), 100)).toMatch(
      /^Tenant acme-pam {2}\(Insights: sheet; 0 connectors, 1 integration,/,
    );
    // The counts are the example's own: its connector entries, and the grants their plan lists.
    const allSources = planOf("all-sources.yaml");
    const grants = allSources.tenants[0].connectors.flatMap((c) => c.grants).length;
    const connectors = loadConfig(join(REPO, "examples", "all-sources.yaml")).tenants[0].connectors.length;
    expect(renderTable(allSources, 200)).toMatch(
      new RegExp(`^Tenant acme-prod .*; ${connectors} connectors, ${grants} grants`),
    );
  });

  test("plan ends with one line: the extracted grants matched the catalog, how many, from how many artifacts", async () => {
    const text = await runCli("plan", "--config", "examples/aws-single-account.yaml");
    const markdown = await runCli("plan", "--config", "examples/aws-single-account.yaml", "--format", "markdown");
    const json = await runCli("plan", "--config", "examples/aws-single-account.yaml", "--format", "json");
    const extracted = JSON.parse(json.stdout).tenants[0].connectors[0].extractedGrants;
    expect(extracted.length).toBe(4); // the trust, SecurityAudit, identitystore:DescribeGroup and DescribeUser
    const summary = `The extracted grants matched the catalog: ${extracted.length} grants read back from 1 synthesized artifact.`;
    expect(text.stdout.trimEnd().split("\n").pop()).toBe(summary);
    expect(markdown.stdout.endsWith(`\n\n${summary}\n`)).toBe(true); // its own paragraph
    expect(json.stdout).not.toContain("matched the catalog");
  });

  test("the renderers decide: no summary without extracted grants, whatever the format", () => {
    const plan = planOf("aws-single-account.yaml");
    expect(renderTable(plan)).not.toContain("matched the catalog");
    expect(renderMarkdown(plan)).not.toContain("matched the catalog");
  });
});
