import { randomUUID } from "node:crypto";
import { SecretValue } from "../values/secret-value";
import { connectorKey } from "../plan/connector-key";
import type { InsightsApi, RegistrationValues } from "../providers/insights/adapter";
import type { Deadline } from "../providers/insights/deadline";
import {
  SETTLED_STATES,
  fingerprintCostOf,
  secretFingerprint,
  type ConnectivityState,
  type Connector,
} from "../providers/insights/contract";
import { InsightsApiError } from "../providers/insights/http-client";
import type { DesiredConnector } from "./desired";
import { mapPool } from "./pool";
import { recheckWhilePropagating, type PropagationWait } from "./propagation";

export type RegisterAction = "create" | "update" | "unchanged" | "failed";

export interface ConnectorResult {
  readonly tenant: string;
  readonly kind: string;
  readonly name: string;
  readonly action: RegisterAction;
  /** Fields sent (create) or changed (update); never values. */
  readonly fields: string[];
  readonly connectivity?: ConnectivityState;
  /** Why it failed, or why connectivity failed (from the activity history). */
  readonly detail?: string;
  /** Collector kinds: how to install the Insights Collector (the key is shown once, like the console does). */
  readonly installation?: { key: string; installerUrl: string };
}

export interface ReconcileOptions {
  /** Decide only; make no call that changes anything. */
  readonly dryRun: boolean;
  readonly concurrency: number;
  /** How long to wait for the first connectivity check after a change. */
  readonly settleTimeoutMs: number;
  readonly pollMs: number;
  readonly onResult?: (result: ConnectorResult) => void;
  /** The run's deadline: no connectivity wait outlives it. */
  readonly deadline?: Deadline;
  /** Where long waits are reported (the CLI's progress). */
  readonly progress?: WaitReporter;
  /**
   * A first check that is not Connected is checked again until the source has had this long to take
   * the connector's new identity (`up`, after a deploy); without it the first check's result stands.
   */
  readonly propagation?: PropagationWait;
}

/** Reports a wait that may be long: its state as it changes, then its end. */
export interface WaitReporter {
  wait(label: string): { update(detail: string): void; end(outcome?: string): void };
}

/** A connector Insights holds or should hold, by the one key (plan/connector-key.ts): the API serves one tenant. */
const keyOf = (tenant: string, connector: { readonly kind: string; readonly name: string }) =>
  connectorKey(tenant, connector.kind, connector.name);

/** The fields whose desired value differs from what Insights holds (secrets by salted fingerprint). */
export async function changedFields(desired: DesiredConnector, current: Connector): Promise<string[]> {
  const changed = await Promise.all(
    Object.entries(desired.values).map(async ([field, value]) =>
      value instanceof SecretValue
        ? current.secretFingerprints[field] !==
          (await secretFingerprint(current.fingerprintSalt, field, value.reveal(), fingerprintCostOf(current)))
        : current.settings[field] !== value,
    ),
  );
  return Object.keys(desired.values)
    .filter((_field, i) => changed[i])
    .sort();
}

function pick(values: RegistrationValues, fields: readonly string[]): RegistrationValues {
  return Object.fromEntries(fields.map((field) => [field, values[field]]));
}

/**
 * Makes Insights hold exactly the desired connectors of one tenant, matched by kind +
 * name: create what is missing, update only differing fields, leave the rest alone.
 * Creates carry an Idempotency-Key, and a create that meets an existing connector (a
 * crashed earlier run, a concurrent one) turns into an update, so nothing is duplicated.
 */
export async function reconcile(
  api: InsightsApi,
  desired: readonly DesiredConnector[],
  options: ReconcileOptions,
): Promise<ConnectorResult[]> {
  // The desired connectors are one tenant's, the one whose connectors the API lists.
  const tenant = desired[0]?.tenant ?? "";
  const existing = new Map((await api.list()).map((c) => [keyOf(tenant, c), c]));
  const applied = await mapPool(desired, options.concurrency, async (wanted) => {
    const base = { tenant: wanted.tenant, kind: wanted.kind, name: wanted.name };
    try {
      const outcome = await applyOne(api, wanted, existing.get(keyOf(wanted.tenant, wanted)), options.dryRun);
      return { ...base, ...outcome };
    } catch (error) {
      return { ...base, action: "failed" as const, fields: [], detail: (error as Error).message };
    }
  });
  return mapPool(applied, options.concurrency, async (result, index) => {
    const settled =
      options.dryRun || result.action === "failed" || !result.id
        ? result
        : await settleAndRecheck(api, desired[index], result, options);
    const { id: _id, ...shown } = settled;
    options.onResult?.(shown);
    return shown;
  });
}

type Applied = Omit<ConnectorResult, "tenant" | "kind" | "name"> & { id?: string };

async function applyOne(
  api: InsightsApi,
  wanted: DesiredConnector,
  current: Connector | undefined,
  dryRun: boolean,
): Promise<Applied> {
  if (!current) {
    const fields = Object.keys(wanted.values).sort();
    if (dryRun) return { action: "create", fields };
    try {
      const created = await api.create(wanted.kind, wanted.values, randomUUID());
      return {
        action: "create",
        fields,
        id: created.id,
        connectivity: created.connectivity,
        installation: created.installation,
      };
    } catch (error) {
      if (!(error instanceof InsightsApiError && error.status === 409)) throw error;
      // It exists after all (an earlier run got this far): compare with what is there.
      const found = (await api.list()).find((c) => keyOf(wanted.tenant, c) === keyOf(wanted.tenant, wanted));
      if (!found) throw error;
      current = found;
    }
  }
  const fields = await changedFields(wanted, current);
  // The id lets a check still running be waited for, and `up` ask for a new one while a source propagates.
  if (fields.length === 0) return { action: "unchanged", fields, id: current.id, connectivity: current.connectivity };
  if (dryRun) return { action: "update", fields, connectivity: current.connectivity };
  const updated = await api.update(current.id, pick(wanted.values, fields));
  return { action: "update", fields, id: updated.id, connectivity: updated.connectivity };
}

/** The first check, then, within the source's propagation window, more checks while it is not Connected. */
async function settleAndRecheck(
  api: InsightsApi,
  wanted: DesiredConnector,
  result: ConnectorResult & { id?: string },
  options: ReconcileOptions,
): Promise<ConnectorResult & { id?: string }> {
  const first = await settle(api, result, options);
  if (!options.propagation) return first;
  return recheckWhilePropagating(api, wanted, first, options.propagation, {
    settle: (checked) => settle(api, checked, options),
    remainingMs: () => options.deadline?.remainingMs() ?? Infinity,
    progress: options.progress,
  });
}

/** Polls connectivity until the first check is done; a failure brings its reason from the activity history. */
async function settle(
  api: InsightsApi,
  result: ConnectorResult & { id?: string },
  options: ReconcileOptions,
): Promise<ConnectorResult & { id?: string }> {
  const runLeft = options.deadline?.remainingMs() ?? Infinity;
  const limitMs = Math.min(options.settleTimeoutMs, runLeft);
  const deadline = Date.now() + limitMs;
  const wait = options.progress?.wait(`the first connectivity check of ${result.tenant}/${result.name}`);
  let state = result.connectivity;
  try {
    while (!state || !SETTLED_STATES.includes(state)) {
      wait?.update(state ?? "unknown");
      if (Date.now() >= deadline) {
        const why =
          runLeft < options.settleTimeoutMs
            ? `when the run's deadline (${options.deadline!.seconds} s) passed`
            : `after ${Math.round(limitMs / 1000)} s`;
        return { ...result, connectivity: state, detail: `connectivity still ${state ?? "unknown"} ${why}` };
      }
      await new Promise((resolve) => setTimeout(resolve, options.pollMs));
      state = (await api.connectivity(result.id!)).state;
    }
    if (state !== "Failed" && state !== "Warning") return { ...result, connectivity: state };
    const reason = (await api.activity(result.id!)).find((entry) => entry.type === "connectivity")?.message;
    return { ...result, connectivity: state, detail: reason };
  } catch (error) {
    return { ...result, connectivity: state, detail: `could not read connectivity: ${(error as Error).message}` };
  } finally {
    wait?.end(state);
  }
}
