import { CATALOG } from "../connectors/catalog";
import type { Connector } from "../providers/insights/contract";
import type { Tone } from "../providers/text/colour";
import { fittedTable, type ToneCell } from "../providers/text/fitted-table";
import { lookOf, PLAIN_LOOK, type Look } from "../providers/text/look";
import { printableDeep } from "../providers/text/printable";
import { jsonDocument, type Renderers } from "../values/report-format";
import type { ConnectorResult } from "./reconcile";
import type { RegisterRun } from "./run";

const ACTION_WORDS: Record<ConnectorResult["action"], (r: ConnectorResult, dryRun: boolean) => string> = {
  create: (_r, dryRun) => (dryRun ? "would create" : "created"),
  update: (r, dryRun) => `${dryRun ? "would update" : "updated"}: ${r.fields.join(", ")}`,
  unchanged: () => "unchanged",
  failed: () => "FAILED",
};

/**
 * Results as they may be printed in any format: every string stripped of control characters
 * (details and keys come from the server).
 */
export function printableResults(results: readonly ConnectorResult[]): ConnectorResult[] {
  return results.map((result) => printableDeep(result));
}

/** How a connectivity state reads at a glance: Connected green, Warning yellow, Failed red. */
const CONNECTIVITY_TONES: Readonly<Record<string, Tone>> = { Connected: "good", Warning: "warn", Failed: "danger" };

/** A connectivity state as a table cell, with its tone. */
export function connectivityCell(state: string): ToneCell {
  return { text: state, tone: CONNECTIVITY_TONES[state] };
}

/** The summary table of a register run: one row per connector, never a value; fits `width` columns. */
export function registerTable(
  results: readonly ConnectorResult[],
  dryRun: boolean,
  width = 100,
  look: Look = PLAIN_LOOK,
): string {
  const head = ["Tenant", "Connector", "Kind", "Change", "Connectivity", "Detail"];
  const rows = printableResults(results).map((r) => [
    r.tenant,
    r.name,
    r.kind,
    { text: ACTION_WORDS[r.action](r, dryRun), tone: r.action === "failed" ? ("danger" as const) : undefined },
    connectivityCell(r.connectivity ?? ""),
    look.times(r.detail ?? ""),
  ]);
  const counted = (action: ConnectorResult["action"]) => results.filter((r) => r.action === action).length;
  const counts = [
    `${counted("create")} ${dryRun ? "to create" : "created"}`,
    `${counted("update")} ${dryRun ? "to update" : "updated"}`,
    `${counted("unchanged")} unchanged`,
    `${counted("failed")} failed`,
  ];
  return `${fittedTable(head, rows, width, { paint: look.paint })}\n${counts.join(", ")}\n`;
}

/** What `register` prints: the run's results and sheets, and whether it was a dry run. */
export interface RegisterReport extends RegisterRun {
  readonly dryRun: boolean;
}

/** Labels of the fields typed into the Insights Collector installer rather than the console. */
function installerFields(kind: string): string[] {
  const entry = CATALOG.find((k) => k.kind === kind);
  return (entry?.registration.fields ?? []).filter((f) => f.enteredIn === "installer").map((f) => f.label);
}

/** The table, the sheets written, revealed sheets (a terminal only), and each collector's installation step. */
function registerText(report: RegisterReport, width: number, look: Look): string {
  const out: string[] = [];
  if (report.results.length) out.push(registerTable(report.results, report.dryRun, width, look));
  for (const sheet of report.sheets)
    out.push(`${report.dryRun ? "sheet (dry run, would write)" : "sheet"}: ${sheet}\n`);
  for (const sheet of report.revealedSheets) out.push(`\n${sheet}`);
  for (const r of printableResults(report.results).filter((r) => r.installation)) {
    const typed = installerFields(r.kind);
    out.push(
      `${r.tenant}/${r.name}: install the Insights Collector from ${r.installation!.installerUrl} with installation key ${r.installation!.key}` +
        `${typed.length ? `, then enter ${typed.join(", ")} in the installer` : ""}\n`,
    );
  }
  return out.join("");
}

/**
 * `register`'s formats. The JSON holds the results and the sheets' paths; sheets with revealed
 * secrets are never in it (`--reveal-secrets` prints them in the table, to a terminal only).
 */
export const REGISTER_RENDERERS = {
  table: (report, target) => registerText(report, target.width, lookOf(target)),
  json: (report) =>
    jsonDocument({ dryRun: report.dryRun, results: printableResults(report.results), sheets: report.sheets }),
} satisfies Renderers<RegisterReport, "table" | "json">;

/** The guide's "Configured Connectors" columns (Review Connector Settings). */
export interface StatusRow {
  tenant: string;
  name: string;
  kind: string;
  connectionPoint: string;
  connectivity: string;
  status: "On" | "Off";
  lastActivity: string;
  lastUpdate: string;
}

/** One dashboard row; every field is server-supplied, so each is stripped of control characters. */
export function statusRow(tenant: string, connector: Connector): StatusRow {
  return printableDeep<StatusRow>({
    tenant,
    name: connector.name,
    kind: connector.kind,
    connectionPoint: connector.connectionPoint,
    connectivity: connector.connectivity,
    status: connector.enabled ? "On" : "Off",
    lastActivity: connector.lastActivityAt,
    lastUpdate: connector.updatedAt,
  });
}

/** The dashboard as a table that fits `width` columns; times compact, or relative on a terminal. */
export function statusTable(rows: readonly StatusRow[], width = 100, look: Look = PLAIN_LOOK): string {
  const head = [
    "Tenant",
    "Connector Name",
    "Connection Point",
    "Connectivity",
    "Status",
    "Last Activity",
    "Last Update",
  ];
  const cells = rows.map((r) => [
    r.tenant,
    r.name,
    r.connectionPoint,
    connectivityCell(r.connectivity),
    r.status,
    look.times(r.lastActivity),
    look.times(r.lastUpdate),
  ]);
  return `${fittedTable(head, cells, width, { paint: look.paint })}\n`;
}
