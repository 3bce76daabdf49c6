import Table from "cli-table3";
import {
  describeLifetime,
  describeNotice,
  describePermission,
  describeProvisioning,
  describeValue,
  grantTotals,
} from "./describe";
import type { Plan, PlannedConnector } from "./model";

/** Rows without separator lines: grant lists are long and scanned top to bottom. */
const COMPACT = { "mid": "", "left-mid": "", "mid-mid": "", "right-mid": "" };

/** Plan for a terminal: a block per connector, its form, its grants, and numbered origins. */
export function renderTable(plan: Plan, width = 160): string {
  const out: string[] = [];
  for (const tenant of plan.tenants) {
    const target = [tenant.insights.adapter, tenant.insights.url].filter(Boolean).join(", ");
    out.push(`Tenant ${tenant.name}  (Insights: ${target}; ${tenant.connectors.length} connectors, ${grantTotals(tenant.connectors)})`, "");
    for (const connector of tenant.connectors) out.push(connectorBlock(connector, width), "");
  }
  return `${out.join("\n").trimEnd()}\n`;
}

function connectorBlock(c: PlannedConnector, width: number): string {
  const form = new Table({ head: ["Field", "Value"], chars: COMPACT, style: { head: [], border: [] } });
  for (const f of c.registration) form.push([f.enteredIn ? `${f.label} (installer)` : f.label, describeValue(f)]);

  // Origins repeat across rows; number them once and list them under the table.
  const origins: string[] = [];
  const footnote = (origin: string) => {
    const index = origins.indexOf(origin);
    return `[${index >= 0 ? index + 1 : origins.push(origin)}]`;
  };
  const grants = new Table({ head: ["Scope", "Kind", "Permission", "Access", "Origin"], chars: COMPACT, style: { head: [], border: [] } });
  for (const g of c.grants) {
    grants.push([g.scope, g.kind, describePermission(g), g.access, footnote(g.origin)]);
  }
  const notices = (c.notices ?? []).map((n) => wrap(`  ${describeNotice(n)} ${footnote(n.origin)}`, width));
  const unconfirmed = c.grants
    .filter((g) => g.unconfirmed)
    .map((g) => wrap(`  UNCONFIRMED ${g.name}: ${g.unconfirmed}`, width));
  return [
    `${c.name} [${c.kind}]`,
    `  provisioned by: ${describeProvisioning(c)}`,
    `  register at:    ${c.consolePath}`,
    ...(c.credentialLifetimes ?? []).map((l) => `  ${l.credential}: ${describeLifetime(l)}`),
    form.toString(),
    c.grants.length > 0 ? grants.toString() : "  (no grants)",
    ...unconfirmed,
    ...notices,
    ...origins.map((origin, i) => wrap(`  [${i + 1}] ${origin}`, width)),
  ].join("\n");
}

function wrap(line: string, width: number): string {
  if (line.length <= width) return line;
  const parts: string[] = [];
  for (let rest = line; rest.length > 0; rest = rest.length > width ? `      ${rest.slice(width)}` : "") {
    parts.push(rest.slice(0, width));
  }
  return parts.join("\n");
}
