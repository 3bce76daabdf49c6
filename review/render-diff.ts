import { describeLifetime } from "../plan/describe";
import { jsonDocument, type Renderers } from "../values/report-format";
import { markdownCell } from "../providers/text/markdown";
import { mermaidBlock } from "../providers/text/mermaid";
import { describeGrant, type LifetimeChange, type PlanDiff } from "./diff";
import { diffPicture } from "./diff-picture";
import { escalationLine } from "./escalation";

const SIGN = { added: "+", removed: "-", changed: "~" } as const;

function lifetime(change: LifetimeChange): string {
  return `${change.credential} lifetime: ${describeLifetime(change.before)} → ${describeLifetime(change.after)}`;
}

/** A compact pull-request comment: escalations first, then each connector's changes. */
export function renderDiffMarkdown(diff: PlanDiff): string {
  if (diff.connectors.length === 0) return "### Insights connectors: no permission changes\n";
  const out = ["### Insights connectors: permission changes", ""];
  if (diff.escalations.length) {
    out.push(
      `**Escalation — needs explicit approval** (the check fails with exit 3 unless run with \`--allow-escalation\`):`,
      "",
    );
    out.push(...diff.escalations.map((e) => `- ${markdownCell(escalationLine(e))}`), "");
  }
  if (diff.edges.length)
    out.push("What the change adds (thick) and removes (dotted):", "", mermaidBlock(diffPicture(diff.edges)));
  for (const c of diff.connectors) {
    out.push(`**${markdownCell(c.tenant)} / ${markdownCell(c.name)}** (\`${c.kind}\`)`, "");
    if (c.grants.length) {
      out.push("| | Grant | Access |", "| --- | --- | --- |");
      for (const g of c.grants) {
        const access =
          g.before && g.before.access !== g.grant.access ? `${g.before.access} → ${g.grant.access}` : g.grant.access;
        const text =
          g.before && (g.before.condition ?? "") !== (g.grant.condition ?? "")
            ? `${describeGrant(g.grant)} (was: ${g.before.condition ?? "no condition"})`
            : describeGrant(g.grant);
        out.push(`| ${SIGN[g.change]} | ${markdownCell(text)} | ${access} |`);
      }
      out.push("");
    }
    if (c.scopes.added.length || c.scopes.removed.length) {
      const moved = c.scopes.grantsMoved ? ` (${c.scopes.grantsMoved} grants moved)` : "";
      out.push(
        `Scope: ${[...c.scopes.removed.map((s) => `- ${s}`), ...c.scopes.added.map((s) => `+ ${s}`)].join(", ")}${moved}`,
        "",
      );
    }
    for (const change of c.credentialLifetimes ?? []) out.push(lifetime(change), "");
  }
  return `${out.join("\n").trimEnd()}\n`;
}

/** Plain text for a terminal. */
export function renderDiffText(diff: PlanDiff): string {
  if (diff.connectors.length === 0) return "no permission changes\n";
  const out: string[] = [];
  for (const c of diff.connectors) {
    out.push(`${c.tenant} / ${c.name} (${c.kind})`);
    for (const g of c.grants)
      out.push(
        `  ${SIGN[g.change]} ${describeGrant(g.grant)} [${g.before && g.before.access !== g.grant.access ? `${g.before.access} → ` : ""}${g.grant.access}]`,
      );
    for (const s of c.scopes.removed) out.push(`  scope removed: ${s}`);
    for (const s of c.scopes.added) out.push(`  scope added:   ${s}`);
    if (c.scopes.grantsMoved) out.push(`  ${c.scopes.grantsMoved} grants moved to the new scope`);
    for (const change of c.credentialLifetimes ?? []) out.push(`  ${lifetime(change)}`);
  }
  if (diff.escalations.length) out.push("", "ESCALATION:", ...diff.escalations.map((e) => `  ${escalationLine(e)}`));
  return `${out.join("\n")}\n`;
}

/** `diff`'s formats: lines for a terminal, a pull-request comment, and the diff itself as JSON. */
export const DIFF_RENDERERS = {
  table: (diff) => renderDiffText(diff),
  markdown: (diff) => renderDiffMarkdown(diff),
  json: (diff) => jsonDocument(diff),
} satisfies Renderers<PlanDiff>;
