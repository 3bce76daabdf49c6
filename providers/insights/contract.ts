import { createHash } from "node:crypto";

/**
 * The written contract of the Insights connector API (`openapi.yaml` is generated from
 * `openapi.ts`, which uses these names). No public Insights connector API exists; every
 * assumption is marked `x-assumption` in the YAML so it can be corrected in one place.
 */
export const API_BASE_PATH = "/api/v1";
/** Versioned-header convention of BeyondTrust's platform APIs (assumed). */
export const API_VERSION_HEADER = "X-BT-Api-Version";
export const API_VERSION = "2025-01-01";
export const IDEMPOTENCY_HEADER = "Idempotency-Key";

/** The console's connectivity column (guide: "Review Connector Settings"), plus the check in progress. */
export const CONNECTIVITY_STATES = ["Connected", "Warning", "Failed", "Connector Off", "Pending Agent Registration", "Checking"] as const;
export type ConnectivityState = (typeof CONNECTIVITY_STATES)[number];

/** States in which a freshly registered connector has finished its first check. */
export const SETTLED_STATES: readonly ConnectivityState[] = ["Connected", "Warning", "Failed", "Pending Agent Registration", "Connector Off"];

export interface ActivityEntry {
  at: string;
  type: "created" | "updated" | "enabled" | "disabled" | "connectivity";
  message: string;
}

/** A connector as the API returns it: no secret value, only a fingerprint of each. */
export interface Connector {
  id: string;
  kind: string;
  name: string;
  enabled: boolean;
  connectivity: ConnectivityState;
  /** What the dashboard's "Connection Point" column shows (role ARN, domain, tenant…). */
  connectionPoint: string;
  /** The non-secret fields of the kind's form. */
  settings: Record<string, string>;
  /** `sha256:<hex>` per secret field, so a client can tell whether a secret changed without reading it. */
  secretFingerprints: Record<string, string>;
  createdAt: string;
  updatedAt: string;
  lastActivityAt: string;
  /** Insights Collector kinds only: how to install the collector. */
  installation?: { key: string; installerUrl: string };
}

/**
 * How the API fingerprints a secret field (assumed): salted with the connector ID and
 * field name, so equal secrets on two connectors do not share a fingerprint.
 */
export function secretFingerprint(connectorId: string, field: string, value: string): string {
  return `sha256:${createHash("sha256").update(`${connectorId}\n${field}\n${value}`).digest("hex")}`;
}

/** Paths, relative to `{baseUrl}${API_BASE_PATH}`. */
export const PATHS = {
  connectors: (siteId: string) => `/sites/${encodeURIComponent(siteId)}/connectors`,
  createConnector: (siteId: string, kind: string) => `/sites/${encodeURIComponent(siteId)}/connectors/kinds/${encodeURIComponent(kind)}`,
  connector: (siteId: string, id: string) => `/sites/${encodeURIComponent(siteId)}/connectors/${encodeURIComponent(id)}`,
  turnOff: (siteId: string, id: string) => `/sites/${encodeURIComponent(siteId)}/connectors/${encodeURIComponent(id)}/turn-off`,
  turnOn: (siteId: string, id: string) => `/sites/${encodeURIComponent(siteId)}/connectors/${encodeURIComponent(id)}/turn-on`,
  connectivity: (siteId: string, id: string) => `/sites/${encodeURIComponent(siteId)}/connectors/${encodeURIComponent(id)}/connectivity`,
  activity: (siteId: string, id: string) => `/sites/${encodeURIComponent(siteId)}/connectors/${encodeURIComponent(id)}/activity`,
  awsExternalId: (siteId: string) => `/sites/${encodeURIComponent(siteId)}/aws-external-id`,
} as const;
