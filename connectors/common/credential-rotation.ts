import { z } from "zod";

const DAY_MS = 24 * 60 * 60 * 1000;

/** Where a credential stands in its rotation, for `status` and `up`. */
export interface RotationStatus {
  /** Whole days since the credential was created (rounded down). */
  readonly ageDays: number;
  /** When the next rotation is due: creation plus the rotation period. */
  readonly dueAt: Date;
  /** The due time has come: the next `up` rotates the credential. */
  readonly due: boolean;
}

/**
 * When a credential created at `createdAt` is due for rotation, as `time_rotating` counts
 * it (`rotation_rfc3339` = its start + `rotation_days` × 24 h, in UTC, no calendar months).
 */
export function rotationDueAt(createdAt: Date, rotationDays: number): Date {
  if (Number.isNaN(createdAt.getTime())) throw new RangeError("the credential's creation time is not a valid date");
  if (!Number.isInteger(rotationDays) || rotationDays < 1) {
    throw new RangeError("rotationDays must be a whole number of days ≥ 1");
  }
  return new Date(createdAt.getTime() + rotationDays * DAY_MS);
}

/** A credential's age and next rotation at `now`. */
export function rotationStatus(createdAt: Date, rotationDays: number, now: Date): RotationStatus {
  const dueAt = rotationDueAt(createdAt, rotationDays);
  return {
    ageDays: Math.floor((now.getTime() - createdAt.getTime()) / DAY_MS),
    dueAt,
    due: now.getTime() >= dueAt.getTime(),
  };
}

/**
 * Whether the credential in `slot` is due at `now`, by a rotation period of `rotationDays`. A
 * credential of unknown age is due, so that a rotation makes its age known.
 */
export function slotDue(slot: { readonly createdAt?: string }, rotationDays: number, now: Date): boolean {
  const createdAt = slot.createdAt ? new Date(slot.createdAt) : undefined;
  if (!createdAt || Number.isNaN(createdAt.getTime())) return true;
  return rotationStatus(createdAt, rotationDays, now).due;
}

/** How often a key pair is replaced: a year-old key is overdue, a week is the shortest sensible cycle. */
export const KEY_ROTATION_DAYS = { min: 7, max: 365, default: 90 } as const;

/** The `keyRotationDays` config field of a kind whose key rotates by overlap (GCP, Okta). */
export function keyRotationDaysField() {
  return z
    .number()
    .int()
    .min(KEY_ROTATION_DAYS.min, `must be at least ${KEY_ROTATION_DAYS.min} days`)
    .max(KEY_ROTATION_DAYS.max, `must be at most ${KEY_ROTATION_DAYS.max} days (a key a year old is overdue)`)
    .default(KEY_ROTATION_DAYS.default);
}

/**
 * A key's age and next rotation, by the connector's own `keyRotationDays` (GCP: the key's
 * `valid_after`, which starts its `time_rotating` period in the same apply; Okta: the slot's `createdAt`).
 */
export function keyRotation(createdAt: Date, config: { readonly keyRotationDays: number }, now: Date): RotationStatus {
  return rotationStatus(createdAt, config.keyRotationDays, now);
}

/** One key of a connector that rotates by overlap: its generation (1, 2, …) and when it was created, if known. */
export const keySlot = z.strictObject({
  generation: z.number().int().min(1),
  /** ISO 8601 time; unknown for a key created before rotation was recorded. */
  createdAt: z.iso.datetime().optional(),
});
export type KeySlot = z.output<typeof keySlot>;

/**
 * A connector's key slots: the current key Insights holds and, during a rotation, the next one,
 * already deployed beside it. The overlap is what keeps the connector working: the old key is
 * removed only by the apply after Insights reports the connector Connected on the new one.
 */
export const keySlots = z
  .strictObject({ current: keySlot, next: keySlot.optional() })
  .refine((slots) => !slots.next || slots.next.generation > slots.current.generation, {
    message: "next.generation must be greater than current.generation",
  });
export type KeySlots = z.output<typeof keySlots>;

/** The key Insights must hold: the next one while a rotation is under way, else the current one. */
export function keyToRegister(slots: KeySlots): KeySlot {
  return slots.next ?? slots.current;
}

/** Step 1 of a rotation: a new key is deployed beside the current one. */
export function beginKeyRotation(slots: KeySlots, now: Date): KeySlots {
  if (slots.next) throw new Error(`key generation ${slots.next.generation} is already waiting to be registered`);
  return { current: slots.current, next: { generation: slots.current.generation + 1, createdAt: now.toISOString() } };
}

/** Step 3, after Insights reports the connector Connected on the new key: the old key is removed. */
export function completeKeyRotation(slots: KeySlots): KeySlots {
  if (!slots.next) throw new Error("no key rotation is under way");
  return { current: slots.next };
}
