import { z } from "zod";

/** One key pair of the app: its generation (1, 2, …) and when it was created, if known. */
const keySlot = z.strictObject({
  generation: z.number().int().min(1),
  /** ISO 8601 time; unknown for a key created before rotation was recorded. */
  createdAt: z.iso.datetime().optional(),
});
export type OktaKeySlot = z.output<typeof keySlot>;

/**
 * The app's key slots: the current key Insights signs with, and during a rotation the next
 * one, already in the app's JWKS but not yet registered. Kept in the Pulumi stack's own
 * config (`keySlots`), so every run of the program, by `up` or by hand, sees the same keys.
 */
export const oktaKeySlots = z.strictObject({ current: keySlot, next: keySlot.optional() }).refine(
  (slots) => !slots.next || slots.next.generation > slots.current.generation,
  { message: "next.generation must be greater than current.generation" },
);
export type OktaKeySlots = z.output<typeof oktaKeySlots>;

/** A stack whose config has no slots yet: one key, generation 1 (the name a pre-rotation stack used). */
export const FIRST_OKTA_KEY_SLOTS: OktaKeySlots = { current: { generation: 1 } };

/** The key Insights must hold: the next one while a rotation is under way, else the current one. */
export function oktaKeyToRegister(slots: OktaKeySlots): OktaKeySlot {
  return slots.next ?? slots.current;
}

/** Step 1 of a rotation: a new key joins the app's JWKS beside the current one. */
export function beginOktaKeyRotation(slots: OktaKeySlots, now: Date): OktaKeySlots {
  if (slots.next) throw new Error(`key generation ${slots.next.generation} is already waiting to be registered`);
  return { current: slots.current, next: { generation: slots.current.generation + 1, createdAt: now.toISOString() } };
}

/** Step 3, after the new key is registered with Insights: the old key leaves the JWKS. */
export function completeOktaKeyRotation(slots: OktaKeySlots): OktaKeySlots {
  if (!slots.next) throw new Error("no key rotation is under way");
  return { current: slots.next };
}

