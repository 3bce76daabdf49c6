import { rotationStatus, type RotationStatus } from "../common/credential-rotation";
import type { GcpConnectorConfig } from "./config";

/**
 * The service account key's age and next rotation. `createdAt` is the key's `valid_after`
 * (the provider sets it at creation), which is also when its `time_rotating` period began,
 * as both are replaced in the same apply.
 */
export function gcpKeyRotation(
  createdAt: Date,
  config: Pick<GcpConnectorConfig, "keyRotationDays">,
  now: Date,
): RotationStatus {
  return rotationStatus(createdAt, config.keyRotationDays, now);
}
