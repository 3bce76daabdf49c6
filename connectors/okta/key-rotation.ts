import { keySlots, type KeySlot, type KeySlots } from "../common/credential-rotation";

/**
 * The app's key slots: the current key Insights signs with, and during a rotation the next
 * one, already in the app's JWKS but not yet registered. Kept in the Pulumi stack's own
 * config (`keySlots`), so every run of the program, by `up` or by hand, sees the same keys.
 * Begin adds the new key to the JWKS, register hands it to Insights, complete removes the
 * old one: the shared key-slot steps, named for Okta where `up` calls them.
 */
export {
  beginKeyRotation as beginOktaKeyRotation,
  completeKeyRotation as completeOktaKeyRotation,
  keyToRegister as oktaKeyToRegister,
} from "../common/credential-rotation";
export const oktaKeySlots = keySlots;
export type OktaKeySlots = KeySlots;
export type OktaKeySlot = KeySlot;

/** A stack whose config has no slots yet: one key, generation 1 (the name a pre-rotation stack used). */
export const FIRST_OKTA_KEY_SLOTS: OktaKeySlots = { current: { generation: 1 } };
