import { connectorKey } from "../plan/connector-key";
import { fittedTable } from "../providers/text/fitted-table";
import { lookOf, PLAIN_LOOK, type Look } from "../providers/text/look";
import { markdownCell as cell } from "../providers/text/markdown";
import { printableDeep } from "../providers/text/printable";
import { connectivityCell } from "../register/report";
import type { Renderers } from "../values/report-format";
import { detailBlocks, type DetailBlock } from "./detail-lines";
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

function grantsColumn(v: ConnectorVerdict): string {
  if (v.status === "drift") return `DRIFT (${v.drift.length})`;
  if (v.status === "unreadable") return "UNREADABLE";
  return v.status;
}

/** `acme-prod / Okta (okta)`, or `acme-prod (every connector)` for the lines they all share. */
function heading(block: DetailBlock): string {
  const { tenant, connector } = block;
  return connector ? `${tenant} / ${connector.name} (${connector.kind})` : `${tenant} (every connector)`;
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
  const details = detailBlocks(verdicts).flatMap((block) => [
    heading(block),
    ...block.lines.map(
      (line) => `  ${line.tone ? look.paint(line.tone, look.times(line.text)) : look.times(line.text)}`,
    ),
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
  for (const block of detailBlocks(verdicts)) {
    if (block.lines.length === 0) continue;
    const title = block.connector
      ? `**${cell(block.tenant)} / ${cell(block.connector.name)}** (\`${block.connector.kind}\`)`
      : `**${cell(block.tenant)}** (every connector)`;
    out.push(title, "", ...block.lines.map((l) => `- ${cell(l.text)}`), "");
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
