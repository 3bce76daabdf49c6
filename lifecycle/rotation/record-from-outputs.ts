import { credentialRotationDays } from "../../connectors/common/credential-rotation";
import type { CredentialRecord } from "./credential-record";
import { gcpKeyRecord } from "./gcp-key";

const DAY_MS = 24 * 60 * 60 * 1000;

function validTime(value: unknown): Date | undefined {
  const time = typeof value === "string" ? new Date(value) : undefined;
  return time && !Number.isNaN(time.getTime()) ? time : undefined;
}

/**
 * The record `up` leaves after registering a connector, from the outputs its engine just gave:
 * when the registered credential was created. GCP: the key's `valid_after`; Okta: the key slot's
 * `createdAt` (output `keyCreatedAt`); Entra and PingOne: the start of the `time_rotating` period,
 * which the same apply that created the secret began (`client_secret_rotation_due` − the period).
 * Undefined for kinds without a rotating credential, or when the engine gave no time.
 */
export function credentialRecordFromOutputs(
  connector: { readonly kind: string },
  outputs: Readonly<Record<string, unknown>>,
  registeredAt: Date,
): CredentialRecord | undefined {
  const record = (createdAt: Date | undefined, source: string) =>
    createdAt ? { createdAt: createdAt.toISOString(), registeredAt: registeredAt.toISOString(), source } : undefined;
  const days = credentialRotationDays(connector);
  switch (connector.kind) {
    case "gcp":
      return gcpKeyRecord(outputs, registeredAt);
    case "okta":
      return record(validTime(outputs.keyCreatedAt), "pulumi stack output keyCreatedAt");
    case "azure":
    case "pingone": {
      const due = validTime(outputs.client_secret_rotation_due);
      const start = due && days !== undefined ? new Date(due.getTime() - days * DAY_MS) : undefined;
      return record(start, "terraform output client_secret_rotation_due minus secretRotationDays");
    }
    default:
      return undefined;
  }
}
