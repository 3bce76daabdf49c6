import type { Grant } from "../connectors/grant";
import type { PlanNotice } from "../connectors/kind";
import type { CredentialLifetime, PlanRecord, PlannedConnectorRecord, PlannedField } from "./model";

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
export function describeProvisioning(c: PlannedConnectorRecord): string {
  const p = c.provisioning;
  if (p.mode === "stack") return `${p.engine} stack ${p.stackName} (${p.stack}): ${p.summary}`;
  return `${p.mode}: ${p.summary}`;
}

export function grantTotals(connectors: readonly PlannedConnectorRecord[]): string {
  const grants = connectors.flatMap((c) => c.grants);
  const count = (access: string) => grants.filter((g) => g.access === access).length;
  return `${grants.length} grants (${count("read")} read, ${count("write")} write, ${count("admin")} admin)`;
}

const NOTICE_LABELS: Record<PlanNotice["kind"], string> = {
  step: "step",
  elevation: "elevation",
  "reduced-coverage": "reduced coverage",
};

/** A notice as one line: what kind it is, then what to do or know. */
export function describeNotice(notice: PlanNotice): string {
  return `${NOTICE_LABELS[notice.kind]}: ${notice.text}`;
}

/** A grant's permission as plan shows it: its condition, and a mark when the value is unconfirmed. */
export function describePermission(g: Grant): string {
  const name = g.condition ? `${g.name} (${g.condition})` : g.name;
  return g.unconfirmed ? `${name} [UNCONFIRMED]` : name;
}

/** A credential's lifetime in words, for plans and diffs; "none" when there is no such credential. */
export function describeLifetime(lifetime: CredentialLifetime | undefined): string {
  if (!lifetime) return "none";
  const rotation =
    lifetime.rotationDays === undefined ? "never rotated" : `rotated every ${lifetime.rotationDays} days`;
  const validity = lifetime.validDays === undefined ? "valid until replaced" : `each valid ${lifetime.validDays} days`;
  const previous = lifetime.previousUntilRegistered
    ? "the replaced one removed once Insights reports the new one Connected"
    : lifetime.previousValidDays
      ? `the replaced one valid ${lifetime.previousValidDays} more days`
      : "the replaced one stops at once";
  return `${rotation}, ${validity}, ${previous}`;
}

/** "12 connectors" or "11 connectors, 1 integration": the PRA ↔ PI plugin is not an Insights connector. */
export function connectorCount(connectors: readonly PlannedConnectorRecord[]): string {
  const integrations = connectors.filter((c) => c.provisioning.mode === "integration").length;
  const count = connectors.length - integrations;
  const text = `${count} connector${count === 1 ? "" : "s"}`;
  return integrations ? `${text}, ${integrations} integration${integrations === 1 ? "" : "s"}` : text;
}

/**
 * The closing line of a plan whose stacks were synthesized and read back: how much was read,
 * all equal to the catalog (extraction fails otherwise). Undefined when nothing was read back
 * (`--no-extract`, or no connector has a stack).
 */
export function extractionSummary(plan: PlanRecord): string | undefined {
  const checked = plan.tenants.flatMap((t) => t.connectors.filter((c) => c.extractedGrants));
  if (checked.length === 0) return undefined;
  const grants = checked.flatMap((c) => c.extractedGrants ?? []);
  // An artifact is named "FILE RESOURCE-PATH"; count the files.
  const artifacts = new Set(grants.map((g) => g.artifact.split(" ")[0])).size;
  return `The extracted grants matched the catalog: ${grants.length} grants read back from ${artifacts} synthesized artifact${artifacts === 1 ? "" : "s"}.`;
}
