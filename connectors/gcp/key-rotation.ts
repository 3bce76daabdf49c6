import { z } from "zod";
import { keySlots, type KeySlot, type KeySlots } from "../common/credential-rotation";

/**
 * The service account's key slots: the key Insights holds and, during a rotation, the next one,
 * already created beside it. `google_service_account_key` deletes a key the moment it leaves the
 * configuration (hashicorp/terraform-provider-google e03b7622a26cf4e878f90bdccaca6aa3d03a7999,
 * google/services/resourcemanager/resource_google_service_account_key.go: Delete calls Keys.Delete),
 * so the old key may leave only after the new one is registered: begin (the apply after it creates
 * key n+1 beside key n), register, complete (the apply after it deletes key n). The steps are the
 * shared key-slot ones, named for GCP where `up` calls them.
 */
export {
  beginKeyRotation as beginGcpKeyRotation,
  completeKeyRotation as completeGcpKeyRotation,
  keyToRegister as gcpKeyToRegister,
} from "../common/credential-rotation";
export const gcpKeySlots = keySlots;
export type GcpKeySlots = KeySlots;
export type GcpKeySlot = KeySlot;

/** A stack with no recorded slots: one key, generation 1 (the key a pre-rotation stack had). */
export const FIRST_GCP_KEY_SLOTS: GcpKeySlots = { current: { generation: 1 } };

/** The generations the stack declares a key for, oldest first: its Terraform variable's value. */
export function gcpKeyGenerations(slots: GcpKeySlots): number[] {
  const checked = gcpKeySlots.parse(slots);
  return checked.next ? [checked.current.generation, checked.next.generation] : [checked.current.generation];
}

const generations = z
  .array(z.number().int().min(1))
  .min(1)
  .max(2)
  .refine((list) => list.length < 2 || list[1] > list[0], { message: "the second generation must be the newer" });

/**
 * Slots back from what the stack's last apply recorded: its generations (oldest first) and the
 * creation time of the key it registers (the provider's `valid_after`). Throws on anything else,
 * because a wrong guess here would delete the key Insights holds.
 */
export function gcpKeySlotsFromGenerations(recorded: unknown, registeredCreatedAt?: string): GcpKeySlots {
  const parsed = generations.safeParse(recorded);
  if (!parsed.success) {
    const reason = parsed.error.issues.map((issue) => issue.message).join("; ");
    throw new Error(`the stack's recorded key generations are not valid (${reason}); nothing was changed`);
  }
  // Normalised to UTC: the provider reports `valid_after` as the API's RFC 3339 `validAfterTime`.
  const time = registeredCreatedAt ? new Date(registeredCreatedAt) : undefined;
  const createdAt = time && !Number.isNaN(time.getTime()) ? { createdAt: time.toISOString() } : {};
  const [first, second] = parsed.data;
  return second === undefined
    ? { current: { generation: first, ...createdAt } }
    : { current: { generation: first }, next: { generation: second, ...createdAt } };
}
