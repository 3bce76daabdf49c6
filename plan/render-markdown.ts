import { markdownCell as cell } from "../providers/text/markdown";
import { mermaidBlock } from "../providers/text/mermaid";
import {
  connectorCount,
  describeLifetime,
  describeNotice,
  describePermission,
  describeProvisioning,
  describeValue,
  extractionSummary,
  grantTotals,
} from "./describe";
import { describeSecretFlow, trustAndSecretLines } from "./describe-trust";
import type { PlanRecord, PlannedConnectorRecord } from "./model";
import { planPicture } from "./picture";

/**
 * Plan as Markdown, for pull-request comments and review documents: per tenant a picture (who
 * may act as which identity, and what each may reach), then every connector; when the stacks
 * were read back, a closing paragraph says so.
 */
export function renderMarkdown(plan: PlanRecord): string {
  const out: string[] = ["# Insights connectors plan", ""];
  for (const tenant of plan.tenants) {
    const target = [tenant.insights.adapter, tenant.insights.url].filter(Boolean).join(", ");
    out.push(`## Tenant \`${tenant.name}\` (Insights: ${target})`, "");
    out.push(`${connectorCount(tenant.connectors)}, ${grantTotals(tenant.connectors)}.`, "");
    if (tenant.connectors.length) out.push(mermaidBlock(planPicture(tenant)));
    const secrets = (tenant.secrets ?? []).map((s) => `- Insights secret: ${cell(describeSecretFlow(s))}`);
    if (secrets.length) out.push(...secrets, "");
    for (const connector of tenant.connectors) out.push(...connectorSection(connector));
  }
  const summary = extractionSummary(plan);
  return `${out.join("\n").trimEnd()}\n${summary ? `\n${summary}\n` : ""}`;
}

function connectorSection(c: PlannedConnectorRecord): string[] {
  const lines = [
    `### ${cell(c.name)} (\`${c.kind}\`)`,
    "",
    `- Provisioned by: ${cell(describeProvisioning(c))}`,
    `- Register: ${c.consolePath}`,
    ...(c.extractedGrants
      ? [
          `- Checked: the synthesized ${c.provisioning.mode === "stack" ? c.provisioning.engine : ""} artifacts grant exactly these ${c.grants.length} permissions`,
        ]
      : []),
    ...(c.credentialLifetimes ?? []).map(
      (l) => `- ${l.credential}: ${describeLifetime(l)} (read from the synthesized stack)`,
    ),
    ...trustAndSecretLines(c).map((line) => `- ${cell(line)}`),
    "",
    "| Field | Value |",
    "| --- | --- |",
    ...c.registration.map(
      (f) => `| ${cell(f.label)}${f.enteredIn ? " (installer)" : ""} | ${cell(describeValue(f))} |`,
    ),
    "",
  ];
  if (c.grants.length > 0) {
    lines.push("| Scope | Kind | Permission | Access | Origin |", "| --- | --- | --- | --- | --- |");
    for (const g of c.grants) {
      const origin = g.unconfirmed ? `${g.origin}; unconfirmed: ${g.unconfirmed}` : g.origin;
      lines.push(`| ${cell(g.scope)} | ${g.kind} | ${cell(describePermission(g))} | ${g.access} | ${cell(origin)} |`);
    }
    lines.push("");
  }
  if (c.notices?.length) {
    lines.push(...c.notices.map((n) => `- ${cell(describeNotice(n))} (${cell(n.origin)})`), "");
  }
  return lines;
}
