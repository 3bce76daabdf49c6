import { createPrivateKey } from "node:crypto";
import type { ConnectorKind } from "../../../connectors/kind";
import type { ConnectivityState } from "../contract";

export interface FieldError {
  field: string;
  message: string;
}

/** A PEM private key must parse, as the console's "PEM Key" field checks. */
function pemProblem(value: string): string | undefined {
  try {
    createPrivateKey(value);
    return undefined;
  } catch {
    return "is not a PEM private key";
  }
}

/** A GCP service account key is the JSON file Google downloads, with a usable private key. */
function serviceAccountKeyProblem(value: string): string | undefined {
  let key: Record<string, unknown>;
  try {
    key = JSON.parse(value);
  } catch {
    return "is not JSON";
  }
  if (key.type !== "service_account") return 'is not a service account key ("type" must be "service_account")';
  for (const field of ["client_email", "private_key", "project_id"]) {
    if (typeof key[field] !== "string") return `lacks "${field}"`;
  }
  return pemProblem(key.private_key as string) ? '"private_key" is not a PEM private key' : undefined;
}

/** Checks beyond the form's schema that the console applies to certain fields (by kind and key). */
const DEEP_CHECKS: Record<string, Record<string, (value: string) => string | undefined>> = {
  okta: { pemKey: pemProblem },
  github: { pemKey: pemProblem },
  gcp: { serviceAccountKey: serviceAccountKeyProblem },
};

/**
 * Validates a create (all fields) or an update (some fields) like the console: the
 * kind's registration schema (ARN format, GUIDs, URLs…), then deep checks (PEM and JSON
 * keys parse). Messages never quote the value.
 */
export function validateRegistration(kind: ConnectorKind<any>, body: unknown, partial: boolean): FieldError[] {
  const schema = partial ? kind.registration.apiSchema.partial() : kind.registration.apiSchema;
  const result = schema.safeParse(body);
  const errors: FieldError[] = result.success
    ? []
    : result.error.issues.map((issue) => ({ field: issue.path.join(".") || "(body)", message: issue.code === "invalid_type" ? "is required and must be a string" : issue.message }));
  if (partial && body && typeof body === "object" && Object.keys(body).length === 0) errors.push({ field: "(body)", message: "must change at least one field" });
  if (errors.length || !body || typeof body !== "object") return errors;
  for (const [field, check] of Object.entries(DEEP_CHECKS[kind.kind] ?? {})) {
    const value = (body as Record<string, string>)[field];
    const problem = value === undefined ? undefined : check(value);
    if (problem) errors.push({ field, message: problem });
  }
  return errors;
}

/**
 * What the emulator's first check after a change finds. Real checks call the source;
 * here documented markers stand in for a source's answer, so tests and the demo can
 * show every state: a value containing FAIL-CONNECTIVITY fails authentication, one
 * containing WARN-CONNECTIVITY connects with missing permissions.
 */
export function checkOutcome(kind: ConnectorKind<any>, values: Record<string, string>): { state: ConnectivityState; reason: string } {
  if (kind.provisioning.mode === "collector-install") return { state: "Pending Agent Registration", reason: "waiting for the Insights Collector to register with its installation key" };
  const all = Object.values(values).join("\n");
  if (all.includes("FAIL-CONNECTIVITY")) return { state: "Failed", reason: "authentication failed: the source rejected the credentials (HTTP 401)" };
  if (all.includes("WARN-CONNECTIVITY")) return { state: "Warning", reason: "connected, but some data could not be read: a permission is missing" };
  return { state: "Connected", reason: "the source answered with the expected permissions" };
}

/** The dashboard's "Connection Point": the field that names where the connector reads from. */
const CONNECTION_POINT_FIELDS = ["roleArn", "domain", "subdomain", "url", "tenantId", "organizationId", "environmentId", "installedAppUrl"];

export function connectionPoint(kind: ConnectorKind<any>, settings: Record<string, string>): string {
  if (kind.provisioning.mode === "collector-install" && !settings.url) return "Insights Collector";
  const field = CONNECTION_POINT_FIELDS.find((key) => settings[key]);
  return field ? settings[field] : kind.title;
}
