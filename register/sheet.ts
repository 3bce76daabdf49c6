import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { kindOf } from "../connectors/catalog";
import { connectorSlug } from "../connectors/stack-name";
import type { PlannedConnector, PlannedField } from "../plan/model";
import { markdownCell } from "../providers/text/markdown";
import { writeFileDurably } from "../values/durable-write";
import type { StackOutputs } from "./outputs";

/** File name of a connector's sheet: kind and a slug of its name. */
export function sheetFileName(planned: PlannedConnector): string {
  return `${planned.kind}--${connectorSlug(planned.name)}.md`;
}

function describeValue(
  field: PlannedField,
  planned: PlannedConnector,
  outputs: StackOutputs | undefined,
  reveal: boolean,
): string {
  const source = field.value;
  const stack = planned.provisioning.mode === "stack" ? planned.provisioning.stackName : "its stack";
  switch (source.from) {
    case "config":
      return source.value;
    case "secret":
      return reveal ? "(revealed)" : `secret from \`${source.ref}\` (not shown)`;
    case "output": {
      const value = outputs?.[source.output];
      if (value === undefined) return `stack output \`${source.output}\` of ${stack} (not deployed yet)`;
      return field.secret && !reveal ? `secret stack output \`${source.output}\` of ${stack} (not shown)` : value;
    }
    case "insights":
      return source.note;
    case "unset":
      return "(leave empty)";
  }
}

/**
 * The `sheet` adapter: what to click and type in the Insights console, in the console's
 * order. Secrets appear only as where they come from; `revealed` (a TTY only) swaps in
 * values, and such a sheet is printed, never written.
 */
export function registrationSheet(
  tenant: string,
  planned: PlannedConnector,
  outputs?: StackOutputs,
  revealed?: Record<string, string>,
): string {
  const rows = planned.registration.map((field) => {
    const value = revealed?.[field.key] ?? describeValue(field, planned, outputs, false);
    const where = field.enteredIn === "installer" ? " (typed into the Insights Collector installer)" : "";
    return `| ${field.label}${where} | ${markdownCell(value)} |`;
  });
  return [
    `# Register "${planned.name}" in Identity Security Insights (tenant ${tenant})`,
    "",
    `1. In the Insights console, go to **${planned.consolePath}**.`,
    "2. Fill in the form:",
    "",
    "| Field | Value |",
    "| --- | --- |",
    ...rows,
    "",
    "3. Click **Create Connector**, then check **Menu > Connectors > Configured** for its connectivity.",
    "",
  ].join("\n");
}

/** The sheets of a tenant's planned connectors: a kind's own sheet where it has one, else the form. */
export function tenantSheets(
  planned: readonly PlannedConnector[],
  outputs: (p: PlannedConnector) => StackOutputs | undefined = () => undefined,
) {
  return planned.map((p) => {
    const own = kindOf(p.config).sheet;
    return { planned: p, outputs: outputs(p), custom: own ? own(p.tenant, p.config) : undefined };
  });
}

/**
 * Writes one masked sheet per connector under `<dir>/<tenant>/`; returns the paths. Modes are
 * explicit (folders 0755, sheets 0644: read by whoever registers, changed by no one else, whatever the umask).
 */
export function writeSheets(
  dir: string,
  tenant: string,
  sheets: { planned: PlannedConnector; outputs?: StackOutputs; custom?: string }[],
): string[] {
  const folder = join(dir, tenant);
  mkdirSync(folder, { recursive: true, mode: 0o755 });
  return sheets.map(({ planned, outputs, custom }) => {
    const path = join(folder, sheetFileName(planned));
    writeFileDurably(path, custom ?? registrationSheet(tenant, planned, outputs), { mode: 0o644 });
    return path;
  });
}
