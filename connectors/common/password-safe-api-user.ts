import { z } from "zod";
import { secretRefField } from "../../values/secret-ref";

/**
 * The API registration and user Insights signs in to Password Safe with, cloud and on-premises
 * alike (the guide's "Create an API Registration" and "Create a User" steps are the same for both).
 */
export const passwordSafeApiUserFields = {
  apiKey: secretRefField.meta({
    description: "The API registration's key, as a secret reference (env:NAME or file:PATH).",
  }),
  username: z.string().trim().min(1).meta({ description: "The Password Safe user the API registration signs in as." }),
  /** Only when the API registration has "User password required" checked. */
  password: secretRefField.optional().meta({
    description:
      'That user\'s password, as a secret reference; only when the registration has "User password required".',
  }),
};
