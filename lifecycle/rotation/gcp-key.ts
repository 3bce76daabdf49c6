import { keyRotation } from "../../connectors/common/credential-rotation";
import type { GcpConnectorConfig } from "../../connectors/gcp/config";
import {
  beginGcpKeyRotation,
  completeGcpKeyRotation,
  gcpKeyToRegister,
  type GcpKeySlots,
} from "../../connectors/gcp/key-rotation";
import {
  GCP_KEY_OUTPUTS,
  gcpKeyGenerationsVariables,
  gcpKeySlotsFromOutputs,
} from "../../stacks/gcp/connector-service-account";
import type { CredentialRecord } from "./credential-record";

/**
 * The GCP service account key's rotation as `up` drives it: read the slots from the stack's outputs,
 * begin when due, deploy with the variables, register, complete, deploy again. `parameters` are the
 * CDKTF stack's Terraform variables by name; every apply and destroy of the stack needs them.
 */
export function gcpKeyRotation(connector: Pick<GcpConnectorConfig, "keyRotationDays">) {
  return {
    credential: "GCP service account key",
    fromOutputs: gcpKeySlotsFromOutputs,
    /** Due once the registered key is `keyRotationDays` old; a key of unknown age is never rotated blindly. */
    due(slots: GcpKeySlots, now: Date): boolean {
      const { createdAt } = gcpKeyToRegister(slots);
      return createdAt !== undefined && keyRotation(new Date(createdAt), connector, now).due;
    },
    begin: beginGcpKeyRotation,
    complete: completeGcpKeyRotation,
    parameters: gcpKeyGenerationsVariables,
  };
}

/**
 * What `status` needs of the key a deploy just registered: its creation as the provider reported it
 * (`valid_after`, the IAM API's `validAfterTime`). Undefined when the outputs have none.
 */
export function gcpKeyRecord(outputs: Readonly<Record<string, unknown>>, registeredAt: Date): CredentialRecord | undefined {
  const createdAt = outputs[GCP_KEY_OUTPUTS.createdAt];
  if (typeof createdAt !== "string" || Number.isNaN(new Date(createdAt).getTime())) return undefined;
  return {
    createdAt: new Date(createdAt).toISOString(),
    registeredAt: registeredAt.toISOString(),
    source: `terraform output ${GCP_KEY_OUTPUTS.createdAt}`,
  };
}
