import { credentialRotationDays } from "../connectors/common/credential-rotation";
import type { ConnectorConfig } from "../connectors/catalog";
import type { StackOutputs } from "../register/outputs";

const DAY_MS = 24 * 60 * 60 * 1000;

/** When the registered credential was created, by the engine's own outputs, and which output said so. */
export interface CredentialCreated {
  readonly createdAt: string;
  readonly source: string;
}

/**
 * The creation time of the credential a deploy's outputs carry, for the record `status` reads:
 * GCP's key `valid_after` (stacks/gcp, `service_account_key_created_at`), the Okta key slot's
 * `keyCreatedAt` (stacks/okta/program.ts), and for Entra and PingOne the `time_rotating` due
 * time (`client_secret_rotation_due`) less the rotation period. Undefined when none is given.
 */
export function credentialCreated(
  connector: ConnectorConfig,
  outputs: StackOutputs | undefined,
): CredentialCreated | undefined {
  if (!outputs) return undefined;
  const direct = [
    ["service_account_key_created_at", "terraform output service_account_key_created_at"],
    ["keyCreatedAt", "pulumi stack output keyCreatedAt"],
  ] as const;
  for (const [output, source] of direct) {
    const time = new Date(outputs[output] ?? "");
    if (!Number.isNaN(time.getTime())) return { createdAt: time.toISOString(), source };
  }
  const due = new Date(outputs.client_secret_rotation_due ?? "");
  const days = credentialRotationDays(connector);
  if (Number.isNaN(due.getTime()) || days === undefined) return undefined;
  const createdAt = new Date(due.getTime() - days * DAY_MS).toISOString();
  return { createdAt, source: `terraform output client_secret_rotation_due less ${days} days` };
}
