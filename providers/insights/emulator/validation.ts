import { isCollectorKind, type ApiConnectorKind } from "../api-kind";
import type { ConnectivityState } from "../contract";

export interface FieldError {
  field: string;
  message: string;
}

/**
 * Validates a create (all fields) or an update (some fields) like the console: the
 * kind's registration schema (ARN format, GUIDs, URLs…), then each field's own check
 * (PEM and JSON keys parse). Messages never quote the value.
 */
export function validateRegistration(kind: ApiConnectorKind, body: unknown, partial: boolean): FieldError[] {
  const schema = partial ? kind.registration.apiSchema.partial() : kind.registration.apiSchema;
  const result = schema.safeParse(body);
  const errors: FieldError[] = result.success
    ? []
    : result.error.issues.map((issue) => ({
        field: issue.path.join(".") || "(body)",
        message: issue.code === "invalid_type" ? "is required and must be a string" : issue.message,
      }));
  if (partial && body && typeof body === "object" && Object.keys(body).length === 0) {
    errors.push({ field: "(body)", message: "must change at least one field" });
  }
  if (errors.length || !body || typeof body !== "object") return errors;
  for (const field of kind.registration.fields) {
    const value = (body as Record<string, string>)[field.key];
    const problem = value === undefined ? undefined : field.check?.(value);
    if (problem) errors.push({ field: field.key, message: problem });
  }
  return errors;
}

/**
 * What the emulator's first check after a change finds. Real checks call the source;
 * here documented markers stand in for a source's answer, so tests and the demo can
 * show every state: a value containing FAIL-CONNECTIVITY fails authentication, one
 * containing WARN-CONNECTIVITY connects with missing permissions.
 */
export function checkOutcome(
  kind: ApiConnectorKind,
  values: Record<string, string>,
): { state: ConnectivityState; reason: string } {
  if (isCollectorKind(kind))
    return {
      state: "Pending Agent Registration",
      reason: "waiting for the Insights Collector to register with its installation key",
    };
  const all = Object.values(values).join("\n");
  if (all.includes("FAIL-CONNECTIVITY"))
    return { state: "Failed", reason: "authentication failed: the source rejected the credentials (HTTP 401)" };
  if (all.includes("WARN-CONNECTIVITY"))
    return { state: "Warning", reason: "connected, but some data could not be read: a permission is missing" };
  return { state: "Connected", reason: "the source answered with the expected permissions" };
}

/** The dashboard's "Connection Point": the value of the field the kind names, else what collects for it. */
export function connectionPoint(kind: ApiConnectorKind, settings: Record<string, string>): string {
  const field = kind.registration.fields.find((f) => f.connectionPoint && settings[f.key]);
  if (field) return settings[field.key];
  return isCollectorKind(kind) ? "Insights Collector" : kind.title;
}
