import type { Connector } from "../providers/insights/contract";
import { fittedTable } from "../providers/text/fitted-table";
import { printableDeep } from "../providers/text/printable";
import type { ConnectorResult } from "./reconcile";

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

/** The summary table of a register run: one row per connector, never a value; fits `width` columns. */
export function registerTable(results: readonly ConnectorResult[], dryRun: boolean, width = 100): string {
  const head = ["Tenant", "Connector", "Kind", "Change", "Connectivity", "Detail"];
  const rows = printableResults(results).map((r) => [
    r.tenant,
    r.name,
    r.kind,
    ACTION_WORDS[r.action](r, dryRun),
    r.connectivity ?? "",
    r.detail ?? "",
  ]);
  const counted = (action: ConnectorResult["action"]) => results.filter((r) => r.action === action).length;
  const counts = [
    `${counted("create")} ${dryRun ? "to create" : "created"}`,
    `${counted("update")} ${dryRun ? "to update" : "updated"}`,
    `${counted("unchanged")} unchanged`,
    `${counted("failed")} failed`,
  ];
  return `${fittedTable(head, rows, width)}\n${counts.join(", ")}\n`;
}

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

/** The dashboard as a table that fits `width` columns. */
export function statusTable(rows: readonly StatusRow[], width = 100): string {
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
    r.connectivity,
    r.status,
    r.lastActivity,
    r.lastUpdate,
  ]);
  return `${fittedTable(head, cells, width)}\n`;
}
