import { connectorKey } from "../plan/connector-key";
import { fittedTable } from "../providers/text/fitted-table";
import { lookOf, PLAIN_LOOK, type Look } from "../providers/text/look";
import { markdownCell as cell } from "../providers/text/markdown";
import { printableDeep } from "../providers/text/printable";
import { connectivityCell } from "../register/report";
import type { Renderers } from "../values/report-format";
import type { Connectivity } from "./connectivity";
import type { Drift } from "./reading";
import type { ConnectorVerdict } from "./run";

/** The whole run in one word, by precedence: what needs action first. */
export type VerifyOutcome = "drift" | "unreadable" | "incomplete" | "verified";

const connectivityUnreadable = (v: ConnectorVerdict) => v.connectivity.state === "unreadable";
/** A connector Insights reports as Failed needs the same attention as drift, and is often caused by it. */
const connectivityFailed = (v: ConnectorVerdict) => v.connectivity.state === "Failed";

export function outcomeOf(verdicts: readonly ConnectorVerdict[]): VerifyOutcome {
  if (verdicts.some((v) => v.status === "drift" || connectivityFailed(v))) return "drift";
  if (verdicts.some((v) => v.status === "unreadable" || connectivityUnreadable(v))) return "unreadable";
  if (verdicts.some((v) => v.status === "not verified")) return "incomplete";
  return "verified";
}

const HEADLINES: Record<VerifyOutcome, string> = {
  drift: "drift found",
  unreadable: "a source could not be read",
  incomplete: "no drift where verified; some connectors not verified",
  verified: "every connector matches the catalog",
};

/** Stable order and server strings cleaned of control characters, once, for every format. */
export function prepared(verdicts: readonly ConnectorVerdict[]): ConnectorVerdict[] {
  const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const sorted = [...verdicts]
    .sort((a, b) => byText(connectorKey(a.tenant, a.kind, a.name), connectorKey(b.tenant, b.kind, b.name)))
    .map((v) => ({
      ...v,
      drift: [...v.drift].sort((a, b) =>
        byText(`${a.change}\n${a.subject}\n${a.detail}`, `${b.change}\n${b.subject}\n${b.detail}`),
      ),
      facts: [...v.facts].sort((a, b) => byText(a.label, b.label)),
    }));
  return printableDeep(sorted);
}

export function describeConnectivity(c: Connectivity): string {
  return "reason" in c ? `${c.state} (${c.reason})` : c.state;
}

function grantsColumn(v: ConnectorVerdict): string {
  if (v.status === "drift") return `DRIFT (${v.drift.length})`;
  if (v.status === "unreadable") return "UNREADABLE";
  return v.status;
}

/** `extra (admin): aws-managed-policy … [where]`: a surplus names the access level its classifier gave. */
export function driftLine(d: Drift): string {
  const change = d.access ? `${d.change} (${d.access})` : d.change;
  return `${change}: ${d.subject}${d.detail ? ` (${d.detail})` : ""}${d.where ? ` [${d.where}]` : ""}`;
}

/** The lines under one connector: drift, why it was not read or verified, facts. */
function detailLines(v: ConnectorVerdict): string[] {
  return [
    ...v.drift.map(driftLine),
    ...(v.status === "unreadable" ? [`could not be read: ${v.reason}`] : []),
    ...(v.status === "not verified" ? [`not verified: ${v.reason}`] : []),
    ...(connectivityFailed(v) ? ["Insights reports connectivity Failed"] : []),
    ...(connectivityUnreadable(v) ? [`connectivity could not be read: ${describeConnectivity(v.connectivity)}`] : []),
    ...v.facts.map((f) => `${f.label}: ${f.value}`),
  ];
}

export function renderVerifyTable(verdicts: readonly ConnectorVerdict[], width = 100, look: Look = PLAIN_LOOK): string {
  const head = ["Tenant", "Connector", "Kind", "Grants", "Connectivity"];
  const rows = verdicts.map((v) => [
    v.tenant,
    v.name,
    v.kind,
    {
      text: grantsColumn(v),
      tone: v.status === "drift" || v.status === "unreadable" ? ("danger" as const) : undefined,
    },
    connectivityCell(v.connectivity.state),
  ]);
  const table = fittedTable(head, rows, width, { paint: look.paint });
  const details = verdicts.flatMap((v) => [
    `${v.tenant} / ${v.name} (${v.kind})`,
    ...v.drift.map((d) => `  ${look.paint("danger", look.times(driftLine(d)))}`),
    ...detailLines(v)
      .slice(v.drift.length)
      .map((l) => `  ${look.times(l)}`),
  ]);
  return `${table}\n${details.join("\n")}\nverify: ${HEADLINES[outcomeOf(verdicts)]}\n`;
}

export function renderVerifyMarkdown(verdicts: readonly ConnectorVerdict[]): string {
  const out = [`### Insights connectors: live verify — ${HEADLINES[outcomeOf(verdicts)]}`, ""];
  out.push("| Tenant | Connector | Kind | Grants | Connectivity |", "| --- | --- | --- | --- | --- |");
  for (const v of verdicts) {
    out.push(`| ${[v.tenant, v.name, v.kind, grantsColumn(v), v.connectivity.state].map(cell).join(" | ")} |`);
  }
  out.push("");
  for (const v of verdicts) {
    const lines = detailLines(v);
    if (lines.length === 0) continue;
    out.push(`**${cell(v.tenant)} / ${cell(v.name)}** (\`${v.kind}\`)`, "", ...lines.map((l) => `- ${cell(l)}`), "");
  }
  return `${out.join("\n").trimEnd()}\n`;
}

/** Stable JSON: connectors, drift and facts sorted; the outcome and exit code spelled out. */
export function renderVerifyJson(verdicts: readonly ConnectorVerdict[], exitCode: number): string {
  const report = { verifyVersion: 1, outcome: outcomeOf(verdicts), exitCode, connectors: verdicts };
  return `${JSON.stringify(report, null, 2)}\n`;
}

/** What `verify` prints: the prepared verdicts and the exit code they make. */
export interface VerifyReport {
  readonly verdicts: readonly ConnectorVerdict[];
  readonly exitCode: number;
}

/** `verify`'s formats: a table for a terminal, an issue body for a scheduled job, JSON with the exit code. */
export const VERIFY_RENDERERS = {
  table: (report, target) => renderVerifyTable(report.verdicts, target.width, lookOf(target)),
  markdown: (report) => renderVerifyMarkdown(report.verdicts),
  json: (report) => renderVerifyJson(report.verdicts, report.exitCode),
} satisfies Renderers<VerifyReport>;
