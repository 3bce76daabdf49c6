import { randomBytes, scrypt } from "node:crypto";

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
export const CONNECTIVITY_STATES = [
  "Connected",
  "Warning",
  "Failed",
  "Connector Off",
  "Pending Agent Registration",
  "Checking",
] as const;
export type ConnectivityState = (typeof CONNECTIVITY_STATES)[number];

/** States in which a freshly registered connector has finished its first check. */
export const SETTLED_STATES: readonly ConnectivityState[] = [
  "Connected",
  "Warning",
  "Failed",
  "Pending Agent Registration",
  "Connector Off",
];

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
  /** `scrypt:<base64url>` per secret field, so a client can tell whether a secret changed without reading it. */
  secretFingerprints: Record<string, string>;
  /** The connector's own random salt of its fingerprints (base64url, 16 bytes or more). */
  fingerprintSalt: string;
  /** scrypt's cost of its fingerprints as log2 N (FINGERPRINT_COST); absent means the default. */
  fingerprintCost?: number;
  createdAt: string;
  updatedAt: string;
  lastActivityAt: string;
  /** Insights Collector kinds only: how to install the collector. */
  installation?: { key: string; installerUrl: string };
}

/**
 * How the API fingerprints a secret field (assumed): scrypt over `<field>\n<value>` with the
 * connector's random salt, so a fingerprint read from the API (or a log of it) cannot be
 * checked against a dictionary at SHA-256 speed, and equal secrets on two connectors do
 * not share one. N=2^14, r=8, p=1 is scrypt's 2009 interactive-login setting (16 MiB, tens of
 * milliseconds per guess); golang/crypto scrypt/scrypt.go suggests N=2^15 "as of 2017". Half
 * that by default because a run recomputes every secret of every connector (hundreds per tenant).
 */
export const FINGERPRINT_SCRYPT = { r: 8, p: 1, keyLength: 32 } as const;

/**
 * scrypt's N as log2, which the server states beside the salt (`fingerprintCost`), as a password
 * hash keeps its parameters: a server may raise it without breaking clients. A client recomputes
 * at the stated cost only within these bounds (the contract refuses any other), so a hostile server
 * cannot make it spend more than 2^15 (32 MiB, about 0.1 s) per secret.
 */
export const FINGERPRINT_COST = { default: 14, min: 10, max: 15 } as const;

/** Whether `cost` is one a fingerprint may be made or checked at: a whole number within the bounds. */
export const isFingerprintCost = (cost: number): boolean =>
  Number.isInteger(cost) && cost >= FINGERPRINT_COST.min && cost <= FINGERPRINT_COST.max;

/** The cost a connector's fingerprints were made at: its own, or the default when the server states none. */
export const fingerprintCostOf = (connector: { readonly fingerprintCost?: number }): number =>
  connector.fingerprintCost ?? FINGERPRINT_COST.default;

export function secretFingerprint(salt: string, field: string, value: string, cost: number): Promise<string> {
  if (!isFingerprintCost(cost)) {
    return Promise.reject(
      new RangeError(`fingerprint cost ${cost} is outside ${FINGERPRINT_COST.min}..${FINGERPRINT_COST.max}`),
    );
  }
  const { r, p, keyLength } = FINGERPRINT_SCRYPT;
  const N = 2 ** cost;
  // scrypt needs 128·N·r bytes: exactly Node's default ceiling (32 MiB) at the highest cost.
  const maxmem = 2 * 128 * N * r;
  return new Promise((resolve, reject) =>
    scrypt(`${field}\n${value}`, Buffer.from(salt, "base64url"), keyLength, { N, r, p, maxmem }, (error, key) =>
      error ? reject(error) : resolve(`scrypt:${key.toString("base64url")}`),
    ),
  );
}

/** A new connector's fingerprint salt. */
export function newFingerprintSalt(): string {
  return randomBytes(16).toString("base64url");
}
