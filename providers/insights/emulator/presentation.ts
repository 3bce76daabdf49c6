import type { ApiConnectorKind } from "../api-kind";
import {
  fingerprintCostOf,
  secretFingerprint,
  type ActivityEntry,
  type Connector,
  type ConnectivityState,
} from "../contract";
import type { StoredConnector } from "./store";

/** What the dashboard shows while the first check after a change runs, and after. */
export function connectivityOf(stored: StoredConnector): ConnectivityState {
  if (!stored.enabled) return "Connector Off";
  return Date.now() < stored.checkReadyAt ? "Checking" : stored.checkOutcome.state;
}

/** The stored history, newest first, with the outcome of the last check once it is done. */
export function activityOf(stored: StoredConnector): ActivityEntry[] {
  if (!stored.enabled || Date.now() < stored.checkReadyAt) return stored.activity;
  const check: ActivityEntry = {
    at: new Date(stored.checkReadyAt).toISOString(),
    type: "connectivity",
    message: `${stored.checkOutcome.state}: ${stored.checkOutcome.reason}`,
  };
  return [check, ...stored.activity];
}

/** A stored connector as the API returns it. */
export function present(stored: StoredConnector): Connector {
  const state = connectivityOf(stored);
  const activity = activityOf(stored);
  return {
    id: stored._id!,
    kind: stored.kind,
    name: stored.name,
    enabled: stored.enabled,
    connectivity: state,
    connectionPoint: stored.connectionPoint,
    settings: stored.settings,
    secretFingerprints: stored.secretFingerprints,
    fingerprintSalt: stored.fingerprintSalt,
    fingerprintCost: fingerprintCostOf(stored),
    createdAt: stored.createdAt,
    updatedAt: stored.updatedAt,
    lastActivityAt: activity[0]?.at ?? stored.updatedAt,
    ...(stored.installation ? { installation: stored.installation } : {}),
  };
}

/** Non-secret fields are kept; secret ones only as salted scrypt fingerprints. */
export async function split(
  kind: ApiConnectorKind,
  salt: string,
  cost: number,
  values: Record<string, string>,
): Promise<{ settings: Record<string, string>; fingerprints: Record<string, string> }> {
  const settings: Record<string, string> = {};
  const fingerprints: Record<string, string> = {};
  for (const field of kind.registration.fields) {
    const value = values[field.key];
    if (value === undefined) continue;
    if (field.secret) fingerprints[field.key] = await secretFingerprint(salt, field.key, value, cost);
    else settings[field.key] = value;
  }
  return { settings, fingerprints };
}
