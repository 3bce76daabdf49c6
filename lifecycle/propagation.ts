import { kindOf, type ConnectorConfig } from "../connectors/catalog";
import { propagationLabel } from "../connectors/common/propagation";
import type { PropagationWait } from "../register/propagation";

/** How `up` paces its re-checks; the defaults suit a real source, tests shorten them. */
export interface PropagationPacing {
  /** The pause between one check's end and the next. @default 30 s */
  readonly retryEveryMs?: number;
  /** How long one configured minute lasts. @default 60 000 ms; tests shorten it */
  readonly minuteMs?: number;
}

/**
 * The wait after a deploy for a connector's source to take its identity: the connector's
 * `propagationWaitMinutes` (its kind's default from connectors/<kind>/propagation.ts, or the
 * config's own). Undefined for a kind whose deploy creates no identity.
 */
export function propagationWaitOf(
  connector: ConnectorConfig,
  pacing: PropagationPacing = {},
): PropagationWait | undefined {
  const rule = kindOf(connector).propagation;
  const minutes = (connector as { readonly propagationWaitMinutes?: number }).propagationWaitMinutes;
  if (!rule || minutes === undefined) return undefined;
  return {
    source: propagationLabel(rule, minutes),
    windowMs: minutes * (pacing.minuteMs ?? 60_000),
    retryEveryMs: pacing.retryEveryMs ?? 30_000,
  };
}
