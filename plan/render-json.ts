import type { PlannedConnectorRecord, PlanRecord } from "./model";

/**
 * The fields a plan file holds for a connector, each listed once: the compiler fails when a
 * field of {@link PlannedConnectorRecord} is missing here. What the carrier holds beyond them
 * (its config, key, position, deploy inputs) stays in memory.
 */
const RECORD_FIELDS = {
  kind: true,
  name: true,
  consolePath: true,
  provisioning: true,
  registration: true,
  grants: true,
  notices: true,
  extractedGrants: true,
  credentialLifetimes: true,
  identity: true,
  configPath: true,
  secrets: true,
  trust: true,
} as const satisfies { readonly [F in keyof Required<PlannedConnectorRecord>]: true };

/** Plan as JSON with sorted keys, so two plans diff line by line. */
export function renderJson(plan: PlanRecord): string {
  return `${JSON.stringify(sortKeys(planRecord(plan)), null, 2)}\n`;
}

/** The plan as its file records it: each connector's record fields, nothing held only in memory. */
export function planRecord(plan: PlanRecord): PlanRecord {
  const record = (connector: PlannedConnectorRecord) =>
    Object.fromEntries(
      Object.entries(connector).filter(([field]) => Object.hasOwn(RECORD_FIELDS, field)),
    ) as unknown as PlannedConnectorRecord;
  return { ...plan, tenants: plan.tenants.map((t) => ({ ...t, connectors: t.connectors.map(record) })) };
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]),
    );
  }
  return value;
}
