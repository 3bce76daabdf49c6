import type { z } from "zod";

/**
 * Refinement option: run an object-level rule even when a field inside it already
 * failed, so a config author sees every problem in one pass, not one per fix.
 */
export const evenWithFieldErrors = {
  when: (payload: z.core.ParsePayload) => typeof payload.value === "object" && payload.value !== null,
};
