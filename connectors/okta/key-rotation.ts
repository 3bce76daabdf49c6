import {
  beginKeyRotation,
  completeKeyRotation,
  keySlots,
  keyToRegister,
  type KeySlot,
  type KeySlots,
} from "../common/credential-rotation";

/**
 * The app's key slots: the current key Insights signs with, and during a rotation the next
 * one, already in the app's JWKS but not yet registered. Kept in the Pulumi stack's own
 * config (`keySlots`), so every run of the program, by `up` or by hand, sees the same keys.
 */
export const oktaKeySlots = keySlots;
export type OktaKeySlots = KeySlots;
export type OktaKeySlot = KeySlot;

/** A stack whose config has no slots yet: one key, generation 1 (the name a pre-rotation stack used). */
export const FIRST_OKTA_KEY_SLOTS: OktaKeySlots = { current: { generation: 1 } };

/** The key Insights must hold: the next one while a rotation is under way, else the current one. */
export function oktaKeyToRegister(slots: OktaKeySlots): OktaKeySlot {
  return keyToRegister(slots);
}

/** Step 1 of a rotation: a new key joins the app's JWKS beside the current one. */
export function beginOktaKeyRotation(slots: OktaKeySlots, now: Date): OktaKeySlots {
  return beginKeyRotation(slots, now);
}

/** Step 3, after the new key is registered with Insights: the old key leaves the JWKS. */
export function completeOktaKeyRotation(slots: OktaKeySlots): OktaKeySlots {
  return completeKeyRotation(slots);
}
