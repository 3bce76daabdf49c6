/** Entra's longest client-secret lifetime the config allows, in days. */
export const MAX_SECRET_DAYS = 730;
/** How long a secret stays valid after its rotation is due, so a late pipeline run never meets a dead secret. */
const GRACE_DAYS = 30;

/** Days a secret outlives its rotation date (shrinks when rotation is near Entra's limit). */
export function secretGraceDays(rotationDays: number): number {
  return Math.max(0, Math.min(GRACE_DAYS, MAX_SECRET_DAYS - rotationDays));
}

/** The longest a client secret of this connector may live: rotation plus grace. */
export function secretLifetimeDays(rotationDays: number): number {
  return rotationDays + secretGraceDays(rotationDays);
}
