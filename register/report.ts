import Table from "cli-table3";
import type { Connector } from "../providers/insights/contract";
import { printableDeep } from "../providers/text/printable";
import type { ConnectorResult } from "./reconcile";

const ACTION_WORDS: Record<ConnectorResult["action"], (r: ConnectorResult, dryRun: boolean) => string> = {
  create: (_r, dryRun) => (dryRun ? "would create" : "created"),
  update: (r, dryRun) => `${dryRun ? "would update" : "updated"}: ${r.fields.join(", ")}`,
  unchanged: () => "unchanged",
  failed: () => "FAILED",
};

/** Results as they may be printed in any format: every string stripped of control characters (details and keys come from the server). */
export function printableResults(results: readonly ConnectorResult[]): ConnectorResult[] {
  return results.map((result) => printableDeep(result));
}

/** The summary table of a register run: one row per connector, never a value. */
export function registerTable(results: readonly ConnectorResult[], dryRun: boolean): string {
  const table = new Table({ head: ["Tenant", "Connector", "Kind", "Change", "Connectivity", "Detail"], style: { head: [], border: [] }, wordWrap: true, colWidths: [null, null, null, 28, 16, 48] as any });
  for (const r of printableResults(results)) table.push([r.tenant, r.name, r.kind, ACTION_WORDS[r.action](r, dryRun), r.connectivity ?? "", r.detail ?? ""]);
  const counts = (["create", "update", "unchanged", "failed"] as const).map((a) => `${results.filter((r) => r.action === a).length} ${a === "create" ? (dryRun ? "to create" : "created") : a === "update" ? (dryRun ? "to update" : "updated") : a}`);
  return `${table.toString()}\n${counts.join(", ")}\n`;
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

export function statusTable(rows: readonly StatusRow[]): string {
  const table = new Table({ head: ["Tenant", "Connector Name", "Connection Point", "Connectivity", "Status", "Last Activity", "Last Update"], style: { head: [], border: [] } });
  for (const r of rows) table.push([r.tenant, r.name, r.connectionPoint, r.connectivity, r.status, r.lastActivity, r.lastUpdate]);
  return `${table.toString()}\n`;
}
