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
import { fittedTable } from "../providers/text/fitted-table";
import { describeSecretFlow, trustAndSecretLines } from "./describe-trust";
import type { PlanRecord, PlannedConnectorRecord } from "./model";

/** Rows without separator lines: grant lists are long and scanned top to bottom. */
const COMPACT = { mid: "", "left-mid": "", "mid-mid": "", "right-mid": "" };

/**
 * Plan for a terminal: a block per connector, its form, its grants, and numbered origins; then,
 * when the stacks were read back, one closing line saying so.
 */
export function renderTable(plan: PlanRecord, width = 100): string {
  const out: string[] = [];
  for (const tenant of plan.tenants) {
    const target = [tenant.insights.adapter, tenant.insights.url].filter(Boolean).join(", ");
    out.push(
      wrap(
        `Tenant ${tenant.name}  (Insights: ${target}; ${connectorCount(tenant.connectors)}, ${grantTotals(tenant.connectors)})`,
        width,
        "  ",
      ),
      ...(tenant.secrets ?? []).map((s) => wrap(`  Insights secret: ${describeSecretFlow(s)}`, width, "    ")),
      "",
    );
    for (const connector of tenant.connectors) out.push(connectorBlock(connector, width), "");
  }
  const summary = extractionSummary(plan);
  return `${out.join("\n").trimEnd()}\n${summary ? `\n${summary}\n` : ""}`;
}

function connectorBlock(c: PlannedConnectorRecord, width: number): string {
  const form = c.registration.map((f) => [f.enteredIn ? `${f.label} (installer)` : f.label, describeValue(f)]);

  // Origins repeat across rows; number them once and list them under the table.
  const origins: string[] = [];
  const footnote = (origin: string) => {
    const index = origins.indexOf(origin);
    return `[${index >= 0 ? index + 1 : origins.push(origin)}]`;
  };
  const grants = c.grants.map((g) => [g.scope, g.kind, describePermission(g), g.access, footnote(g.origin)]);
  const notices = (c.notices ?? []).map((n) => wrap(`  ${describeNotice(n)} ${footnote(n.origin)}`, width));
  const unconfirmed = c.grants
    .filter((g) => g.unconfirmed)
    .map((g) => wrap(`  UNCONFIRMED ${g.name}: ${g.unconfirmed}`, width));
  const head = ["Scope", "Kind", "Permission", "Access", "Origin"];
  return [
    `${c.name} [${c.kind}]`,
    wrap(`  provisioned by: ${describeProvisioning(c)}`, width, " ".repeat(18)),
    wrap(`  register at:    ${c.consolePath}`, width, " ".repeat(18)),
    ...(c.credentialLifetimes ?? []).map((l) => wrap(`  ${l.credential}: ${describeLifetime(l)}`, width, "    ")),
    ...trustAndSecretLines(c).map((line) => wrap(`  ${line}`, width, "    ")),
    fittedTable(["Field", "Value"], form, width, COMPACT),
    grants.length > 0 ? fittedTable(head, grants, width, COMPACT) : "  (no grants)",
    ...unconfirmed,
    ...notices,
    ...origins.map((origin, i) => wrap(`  [${i + 1}] ${origin}`, width)),
  ].join("\n");
}

/** Wraps at spaces within `width`; continuation lines are indented under the text. */
function wrap(line: string, width: number, indent = "      "): string {
  const out: string[] = [];
  const lead = /^ */.exec(line)![0];
  let current = lead;
  for (const word of line.slice(lead.length).split(" ")) {
    if (current && (current + " " + word).length > width && current.trim()) {
      out.push(current);
      current = indent + word;
    } else current = current.trim() ? `${current} ${word}` : current + word;
  }
  return [...out, current].join("\n");
}
