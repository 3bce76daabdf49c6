import { describeLifetime } from "../plan/describe";
import { jsonDocument, type Renderers } from "../values/report-format";
import { painter, PLAIN, type Painter } from "../providers/text/colour";
import { markdownCell } from "../providers/text/markdown";
import { mermaidBlock } from "../providers/text/mermaid";
import { printable } from "../providers/text/printable";
import { describeGrant, type ConnectorDiff, type LifetimeChange, type PlanDiff } from "./diff";
import { diffPicture } from "./diff-picture";
import { type ConfigLocation, type EdgeChange, type Escalation } from "./escalation";

const SIGN = { added: "+", removed: "-", changed: "~" } as const;

function lifetime(change: LifetimeChange): string {
  return `${change.credential} lifetime: ${describeLifetime(change.before)} → ${describeLifetime(change.after)}`;
}

/** `tenants.yaml:12 (tenants[0].insights.url)`, or the path alone when the line is unknown. */
function where(location: ConfigLocation | undefined): string | undefined {
  if (!location) return undefined;
  return `${location.file}${location.line ? `:${location.line}` : ""} (${location.path})`;
}

/** An escalation with where it is judged: `… — head tenants.yaml:12 (…), base plan.json (…)`. */
export function describeEscalation(escalation: Escalation): string {
  const sides = [
    ["head", where(escalation.head)],
    ["base", where(escalation.base)],
  ].filter(([, at]) => at);
  const located = sides.map(([side, at]) => `${side} ${at}`).join("; ");
  return `${escalation.message}${located ? ` — ${located}` : ""}`;
}

/** A trust or secret edge as one line: `trust arn:… → acme-aws (external ID)`, `secret env:X → host`. */
function describeEdge({ edge }: EdgeChange): string {
  if (edge.type === "trust") return `trust ${edge.from} → ${edge.connector}${edge.label ? ` (${edge.label})` : ""}`;
  if (edge.type === "secret") return `secret ${edge.from} → ${edge.to}`;
  return `grant ${edge.label} @ ${edge.to}`;
}

/** The lines of a connector beyond its grant table: rename, settings, trust and secret edges, lifetimes. */
function connectorNotes(c: ConnectorDiff): string[] {
  return [
    ...(c.renamedFrom ? [`renamed from "${c.renamedFrom}" (same stack ${c.identity})`] : []),
    ...(c.settings ?? []).map((s) => `${s.setting}: ${s.before ?? "none"} → ${s.after ?? "none"}`),
    ...(c.edges ?? []).map((e) => `${e.change === "added" ? "+" : "-"} ${describeEdge(e)}`),
    ...(c.credentialLifetimes ?? []).map(lifetime),
  ].map((line) => printable(line));
}

/** Why no diff could be made, in every format: the pull-request comment says why the check failed. */
function failureLines(diff: PlanDiff): string[] {
  if (!diff.failure) return [];
  const side = diff.failure.side ? `the ${diff.failure.side} side could not be planned` : "the diff could not be made";
  return [`FAILED: ${side}:`, ...diff.failure.problems.map((p) => printable(p))];
}

/** A compact pull-request comment: failure and escalations first, then each connector's changes. */
export function renderDiffMarkdown(diff: PlanDiff): string {
  if (diff.failure) {
    const [head, ...problems] = failureLines(diff);
    return `### Insights connectors: check failed\n\n**${head}**\n\n${problems.map((p) => `- ${markdownCell(p)}`).join("\n")}\n`;
  }
  if (diff.connectors.length === 0 && diff.escalations.length === 0)
    return "### Insights connectors: no permission changes\n";
  const out = ["### Insights connectors: permission changes", ""];
  if (diff.escalations.length) {
    out.push(
      `**Escalation — needs explicit approval** (the check fails with exit 3 unless run with \`--allow-escalation\`):`,
      "",
    );
    out.push(...diff.escalations.map((e) => `- ${markdownCell(describeEscalation(e))} \`${e.rule}\``), "");
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
    const notes = connectorNotes(c);
    if (notes.length) out.push(...notes.map((n) => `- ${markdownCell(n)}`), "");
  }
  return `${out.join("\n").trimEnd()}\n`;
}

/** Plain text for a terminal; on one that takes colour, escalations and write or admin grants in red. */
export function renderDiffText(diff: PlanDiff, paint: Painter = PLAIN): string {
  if (diff.failure) return `${failureLines(diff).join("\n  ")}\n`;
  if (diff.connectors.length === 0 && diff.escalations.length === 0) return "no permission changes\n";
  const out: string[] = [];
  for (const c of diff.connectors) {
    out.push(printable(`${c.tenant} / ${c.name} (${c.kind})`));
    for (const g of c.grants) {
      const line = printable(
        `  ${SIGN[g.change]} ${describeGrant(g.grant)} [${g.before && g.before.access !== g.grant.access ? `${g.before.access} → ` : ""}${g.grant.access}]`,
      );
      out.push(g.change !== "removed" && g.grant.access !== "read" ? paint("danger", line) : line);
    }
    for (const s of c.scopes.removed) out.push(`  scope removed: ${s}`);
    for (const s of c.scopes.added) out.push(`  scope added:   ${s}`);
    if (c.scopes.grantsMoved) out.push(`  ${c.scopes.grantsMoved} grants moved to the new scope`);
    out.push(...connectorNotes(c).map((n) => `  ${n}`));
  }
  if (diff.escalations.length)
    out.push(
      "",
      paint("danger", "ESCALATION:"),
      ...diff.escalations.map((e) => paint("danger", `  ${printable(describeEscalation(e))} [${e.rule}]`)),
    );
  return `${out.join("\n").trimStart()}\n`;
}

/** `diff`'s formats: lines for a terminal, a pull-request comment, and the diff itself as JSON. */
export const DIFF_RENDERERS = {
  table: (diff, { colors }) => renderDiffText(diff, painter(colors)),
  markdown: (diff) => renderDiffMarkdown(diff),
  json: (diff) => jsonDocument(diff),
} satisfies Renderers<PlanDiff>;
