import type { PlannedConnector, PlannedField } from "./model";

/** How a planned form value reads in a table or sheet; secrets show as their reference. */
export function describeValue(field: PlannedField): string {
  const v = field.value;
  switch (v.from) {
    case "config":
      return v.value;
    case "secret":
      return `${v.ref} (reference; not read by plan)`;
    case "output":
      return `<stack output ${v.output}>`;
    case "insights":
      return `<issued by Insights: ${v.note}>`;
    case "unset":
      return "(not set)";
  }
}

/** One line on how the connector's prerequisites are provisioned. */
export function describeProvisioning(c: PlannedConnector): string {
  const p = c.provisioning;
  if (p.mode === "stack") return `${p.engine} stack ${p.stackName} (${p.stack}): ${p.summary}`;
  return `${p.mode}: ${p.summary}`;
}

export function grantTotals(connectors: readonly PlannedConnector[]): string {
  const grants = connectors.flatMap((c) => c.grants);
  const count = (access: string) => grants.filter((g) => g.access === access).length;
  return `${grants.length} grants (${count("read")} read, ${count("write")} write, ${count("admin")} admin)`;
}
