import { z } from "zod";
import { keySlots, type KeySlots } from "../common/credential-rotation";

/**
 * The app's client secret slots: the secret Insights holds and, during a rotation, the next one,
 * created beside it. `azuread_application_password`'s Delete calls RemovePassword at once, with no
 * grace of its own (hashicorp/terraform-provider-azuread v3.7.0 = 72ee4ffe4628e1a21e275734c8d3354faf8fb2f3,
 * internal/services/applications/application_password_resource.go, applicationPasswordResourceDelete),
 * so the old secret may leave only in the apply after Insights reports Connected on the new one:
 * the shared key-slot steps, named for Entra where `up` calls them.
 */
export {
  beginKeyRotation as beginEntraSecretRotation,
  completeKeyRotation as completeEntraSecretRotation,
  keyToRegister as entraSecretToRegister,
} from "../common/credential-rotation";
export const entraSecretSlots = keySlots;
export type EntraSecretSlots = KeySlots;

/** A secret of unknown creation (a stack from before secret slots recorded none): counted from the epoch, so due. */
export const UNKNOWN_CREATION = "1970-01-01T00:00:00.000Z";

/** One secret generation as the stack's Terraform variable takes it: its number and its creation, RFC 3339. */
export interface EntraSecretGeneration {
  readonly generation: number;
  readonly created_at: string;
}

/** The stack's variable for `slots`, oldest first; each secret's `end_date` is its creation plus its lifetime. */
export function entraSecretGenerations(slots: EntraSecretSlots): EntraSecretGeneration[] {
  const checked = entraSecretSlots.parse(slots);
  return [checked.current, ...(checked.next ? [checked.next] : [])].map((slot) => ({
    generation: slot.generation,
    created_at: slot.createdAt ?? UNKNOWN_CREATION,
  }));
}

const recordedGenerations = z
  .array(z.strictObject({ generation: z.number().int().min(1), created_at: z.iso.datetime({ offset: true }) }))
  .min(1)
  .max(2)
  .refine((list) => list.length < 2 || list[1].generation > list[0].generation, {
    message: "the second generation must be the newer",
  });

/**
 * Slots back from what the stack's last apply recorded: its variable's value (oldest first) and
 * the registered secret's creation as Entra reports it (`start_date`). Throws on anything else,
 * because a wrong guess here would delete the secret Insights holds.
 */
export function entraSecretSlotsFromGenerations(recorded: unknown, registeredCreatedAt?: string): EntraSecretSlots {
  const parsed = recordedGenerations.safeParse(recorded);
  if (!parsed.success) {
    const reason = parsed.error.issues.map((issue) => issue.message).join("; ");
    throw new Error(`the stack's recorded client secret generations are not valid (${reason}); nothing was changed`);
  }
  const reported = registeredCreatedAt ? new Date(registeredCreatedAt) : undefined;
  const slot = (entry: EntraSecretGeneration, registered: boolean) => ({
    generation: entry.generation,
    createdAt:
      registered && reported && !Number.isNaN(reported.getTime())
        ? reported.toISOString()
        : new Date(entry.created_at).toISOString(),
  });
  const [first, second] = parsed.data;
  return second === undefined
    ? { current: slot(first, true) }
    : { current: slot(first, false), next: slot(second, true) };
}
