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
