import { VENDOR_DOCS } from "../origins";

/**
 * Entra's longest client-secret (app password) lifetime, in days: Microsoft documents
 * "two years (24 months) or less" and refuses a custom lifetime beyond it.
 */
export const MAX_SECRET_DAYS = 730;
/** Where {@link MAX_SECRET_DAYS} comes from. */
export const MAX_SECRET_DAYS_ORIGIN = `${VENDOR_DOCS.entraClientSecretLifetime} (Add credentials, Option 2)`;
/**
 * The display name the stack gives every client secret it creates. verify tells the stack's secrets
 * from one added by hand by this name (a second credential outside the rotation is a way in).
 */
export const ENTRA_SECRET_DISPLAY_NAME = "BeyondTrust Identity Security Insights";
/** How long a secret stays valid after its rotation is due: a run of `up` that comes late still finds it valid. */
const GRACE_DAYS = 30;

/** Days a secret outlives its rotation date (shrinks when rotation is near Entra's limit). */
export function secretGraceDays(rotationDays: number): number {
  return Math.max(0, Math.min(GRACE_DAYS, MAX_SECRET_DAYS - rotationDays));
}

/** The longest a client secret of this connector may live: rotation plus grace. */
export function secretLifetimeDays(rotationDays: number): number {
  return rotationDays + secretGraceDays(rotationDays);
}
