import type { InsightsApi } from "../providers/insights/adapter";
import type { ConnectivityState } from "../providers/insights/contract";
import type { DesiredConnector } from "./desired";

/**
 * How long a connector's first check may keep failing while its source takes a new or changed
 * identity (an IAM role, a consent, a key, a role binding): the vendor's own propagation figure
 * for the source, or the toolkit's choice where the vendor states none (connectors/<kind>/propagation.ts).
 */
export interface PropagationWait {
  /** What propagates, for progress and messages: `Google Cloud IAM (typically 2 minutes, up to 7)`. */
  readonly source: string;
  /** The longest wait after the first check ends; 0 waits not at all. */
  readonly windowMs: number;
  /** The pause between one check's end and the next check. */
  readonly retryEveryMs: number;
}

/** A connector as reconcile holds it between its checks: its result and, for a stored connector, its id. */
export interface Checked {
  readonly connectivity?: ConnectivityState;
  readonly detail?: string;
  readonly id?: string;
}

/** Where a check may still change: the source may not have taken the identity yet (a Warning: not every grant). */
export function mayStillPropagate(state: ConnectivityState | undefined): boolean {
  return state === undefined || state === "Failed" || state === "Warning" || state === "Checking";
}

interface Waits<C extends Checked> {
  /** Waits for one check after a change, as reconcile's first check does. */
  settle(checked: C): Promise<C>;
  /** The run's remaining time; no wait outlives it. */
  readonly remainingMs: () => number;
  readonly progress?: {
    wait(label: string): { update(detail: string): void; end(outcome?: string): void };
  };
  readonly sleep?: (ms: number) => Promise<void>;
}

/**
 * Asks Insights to check again, up to the source's propagation window, while the first check found
 * the connector not Connected. The contract has no "check now" operation; an update starts a new
 * check ("Checking" is the first check after a create or update, providers/insights/openapi.yaml),
 * so the registration's own values are sent again: Insights' form is saved unchanged.
 */
export async function recheckWhilePropagating<C extends Checked>(
  api: InsightsApi,
  wanted: DesiredConnector,
  first: C,
  wait: PropagationWait,
  waits: Waits<C>,
): Promise<C> {
  if (!first.id || !mayStillPropagate(first.connectivity) || wait.windowMs <= 0) return first;
  const sleep = waits.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const started = Date.now();
  const until = started + Math.min(wait.windowMs, waits.remainingMs());
  const minutes = (ms: number) => `${Math.round(ms / 6000) / 10} min`;
  const line = waits.progress?.wait(
    `${wanted.tenant}/${wanted.name}: waiting up to ${minutes(wait.windowMs)} for ${wait.source}`,
  );
  let checked = first;
  let checks = 1;
  try {
    while (mayStillPropagate(checked.connectivity) && Date.now() + wait.retryEveryMs < until) {
      line?.update(`check ${checks}: ${checked.connectivity ?? "unknown"}; ${minutes(Date.now() - started)} waited`);
      await sleep(wait.retryEveryMs);
      const resubmitted = await api.update(first.id, wanted.values);
      const { detail: _earlier, ...rest } = checked;
      checked = await waits.settle({ ...rest, connectivity: resubmitted.connectivity } as C);
      checks += 1;
    }
  } catch (error) {
    const detail = `could not ask Insights to check again: ${(error as Error).message}`;
    return { ...checked, detail };
  } finally {
    line?.end(checked.connectivity);
  }
  if (!mayStillPropagate(checked.connectivity) || checks === 1) return checked;
  const waited = `after ${checks} checks over ${minutes(Date.now() - started)} waiting for ${wait.source}`;
  const why = checked.detail ? `${checked.detail} (${waited})` : waited;
  return { ...checked, detail: why };
}
