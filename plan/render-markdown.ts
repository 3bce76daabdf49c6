import { connectorCount } from "./fit-table";
import { describeProvisioning, describeValue, grantTotals } from "./describe";
import type { Plan, PlannedConnector } from "./model";

/** Plan as Markdown, for pull-request comments and review documents. */
export function renderMarkdown(plan: Plan): string {
  const out: string[] = ["# Insights connectors plan", ""];
  for (const tenant of plan.tenants) {
    const target = [tenant.insights.adapter, tenant.insights.url].filter(Boolean).join(", ");
    out.push(`## Tenant \`${tenant.name}\` (Insights: ${target})`, "");
    out.push(`${connectorCount(tenant.connectors)}, ${grantTotals(tenant.connectors)}.`, "");
    for (const connector of tenant.connectors) out.push(...connectorSection(connector));
  }
  return `${out.join("\n").trimEnd()}\n`;
}

function connectorSection(c: PlannedConnector): string[] {
  const lines = [
    `### ${cell(c.name)} (\`${c.kind}\`)`,
    "",
    `- Provisioned by: ${cell(describeProvisioning(c))}`,
    `- Register: ${c.consolePath}`,
    ...(c.extractedGrants ? [`- Checked: the synthesized ${c.provisioning.mode === "stack" ? c.provisioning.engine : ""} artifacts grant exactly these ${c.grants.length} permissions`] : []),
    "",
    "| Field | Value |",
    "| --- | --- |",
    ...c.registration.map((f) => `| ${cell(f.label)}${f.enteredIn ? " (installer)" : ""} | ${cell(describeValue(f))} |`),
    "",
  ];
  if (c.grants.length > 0) {
    lines.push("| Scope | Kind | Permission | Access | Origin |", "| --- | --- | --- | --- | --- |");
    for (const g of c.grants) {
      const name = g.condition ? `${g.name} (${g.condition})` : g.name;
      lines.push(`| ${cell(g.scope)} | ${g.kind} | ${cell(name)} | ${g.access} | ${cell(g.origin)} |`);
    }
    lines.push("");
  }
  return lines;
}

function cell(text: string): string {
  return text.replace(/\|/g, "\\|").replace(/\n/g, " ");
}
