import type { ActingIdentity, PlannedConnectorRecord } from "../plan/model";
import { identitiesOf } from "./rules/trust";

/** One setting of an identity the stack creates, before and after; a side is absent when it has none. */
export interface SettingChange {
  /** `AWS role BeyondTrustInsightsReadOnly permissions boundary`, `… maximum session`, `… owners`. */
  readonly setting: string;
  readonly before?: string;
  readonly after?: string;
}

const SETTINGS: readonly [string, (identity: ActingIdentity) => string | undefined][] = [
  ["permissions boundary", (i) => i.permissionsBoundary],
  ["maximum session", (i) => (i.maxSessionSeconds === undefined ? undefined : `${i.maxSessionSeconds} s`)],
  ["owners", (i) => (i.owners?.length ? i.owners.join(", ") : undefined)],
];

/** The boundary, session length and owners of each identity that differ between the sides, for the report. */
export function identitySettings(
  base: PlannedConnectorRecord | undefined,
  head: PlannedConnectorRecord | undefined,
): SettingChange[] {
  const before = identitiesOf(base);
  const after = identitiesOf(head);
  const changes: SettingChange[] = [];
  for (const name of [...new Set([...before.keys(), ...after.keys()])].sort()) {
    for (const [setting, read] of SETTINGS) {
      const old = before.has(name) ? read(before.get(name)!) : undefined;
      const now = after.has(name) ? read(after.get(name)!) : undefined;
      if (old !== now)
        changes.push({
          setting: `${name} ${setting}`,
          ...(old ? { before: old } : {}),
          ...(now ? { after: now } : {}),
        });
    }
  }
  return changes;
}
