import type { ApiConnectorKind } from "../api-kind";
import type { FaultInjector } from "./faults";
import type { StoredConnector } from "./store";
import { checkOutcome } from "./validation";

/** What an injected check finds, in the words the values' own Failed and Warning use, marked as injected. */
const INJECTED = {
  Failed: "authentication failed: the source rejected the credentials (HTTP 401; injected check fault)",
  Warning: "connected, but some data could not be read: a permission is missing (injected check fault)",
} as const;

/**
 * The check a create or update starts: what it will find and when it ends. An injected check
 * fault comes first (a source that has not yet taken the credential, or never will); a check
 * that never ends stays Checking until the next change starts another.
 */
export function scheduleCheck(
  kind: ApiConnectorKind,
  values: Record<string, string>,
  faults: FaultInjector,
  delayMs: number,
): Pick<StoredConnector, "checkOutcome" | "checkReadyAt"> {
  const own = checkOutcome(kind, values);
  // A collector's check waits for its agent whatever a fault says.
  const injected = own.state === "Pending Agent Registration" ? undefined : faults.nextCheck(kind.kind);
  if (injected === "never") return { checkOutcome: own, checkReadyAt: Number.MAX_SAFE_INTEGER };
  const outcome = injected ? { state: injected, reason: INJECTED[injected] } : own;
  return { checkOutcome: outcome, checkReadyAt: Date.now() + delayMs };
}
