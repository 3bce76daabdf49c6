import { rotationStatus } from "../../connectors/common/credential-rotation";
import type { PlannedConnector, PlannedTenant } from "../../plan/model";
import { inConfigOrder } from "../../plan/select";
import { fittedTable } from "../../providers/text/fitted-table";
import { PLAIN_LOOK, type Look } from "../../providers/text/look";
import { rotationDays, type NotRotated, type RotationOutputs } from "../credential-created";
import { credentialRecordPath, type CredentialRecord } from "./credential-record";

/** One rotating credential's age and next rotation, or why they are unknown. */
export interface CredentialStatusRow {
  readonly tenant: string;
  readonly connector: string;
  readonly kind: string;
  readonly rotationDays: number;
  /** ISO 8601 creation of the registered credential; null when unknown. */
  readonly createdAt: string | null;
  readonly ageDays: number | null;
  /** ISO 8601; null when the creation is unknown. */
  readonly nextRotation: string | null;
  /** The next `up` rotates it; null when unknown. */
  readonly due: boolean | null;
  /** Where the creation time comes from, or why there is none. */
  readonly source: string;
}

/**
 * The age and next rotation of every rotating credential of `tenant` (planned), from the records
 * `up` left. `rotationOf` gives each kind's declared rotation (its adapter, kinds/).
 */
export function credentialStatusRows(
  tenant: PlannedTenant,
  records: ReadonlyMap<string, CredentialRecord>,
  now: Date,
  rotationOf: (planned: PlannedConnector) => RotationOutputs<any> | NotRotated,
): CredentialStatusRow[] {
  return inConfigOrder(tenant).flatMap((connector): CredentialStatusRow[] => {
    const days = rotationDays(connector.config, rotationOf(connector));
    if (days === undefined) return [];
    const base = { tenant: tenant.name, connector: connector.name, kind: connector.kind, rotationDays: days };
    const record = records.get(connector.name);
    if (!record) {
      const source = `unknown: no record in ${credentialRecordPath(tenant.name)} (up writes it when it registers)`;
      return [{ ...base, createdAt: null, ageDays: null, nextRotation: null, due: null, source }];
    }
    const createdAt = new Date(record.createdAt);
    const rotation = rotationStatus(createdAt, days, now);
    return [
      {
        ...base,
        createdAt: createdAt.toISOString(),
        ageDays: rotation.ageDays,
        nextRotation: rotation.dueAt.toISOString(),
        due: rotation.due,
        source: `${record.source}, registered ${record.registeredAt}`,
      },
    ];
  });
}

/** The rows as a table that fits `width` columns; a rotation that is due in yellow. */
export function credentialStatusTable(
  rows: readonly CredentialStatusRow[],
  width = 100,
  look: Look = PLAIN_LOOK,
): string {
  const head = ["Tenant", "Connector Name", "Credential Age", "Next Rotation", "Source"];
  const cells = rows.map((r) => [
    r.tenant,
    r.connector,
    r.ageDays === null ? "unknown" : `${r.ageDays} days (every ${r.rotationDays})`,
    {
      text:
        r.nextRotation === null ? "unknown" : `${r.nextRotation.slice(0, 10)}${r.due ? " (due: up rotates it)" : ""}`,
      tone: r.due ? ("warn" as const) : undefined,
    },
    look.times(r.source),
  ]);
  return `${fittedTable(head, cells, width, { paint: look.paint })}\n`;
}
