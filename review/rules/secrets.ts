import type { PlannedSecret } from "../../plan/model";
import type { Finding } from "./rule";

/** Two sides' secrets of one connector (or tenant), and the config paths to fall back on for locations. */
export interface SecretSides {
  readonly base: readonly PlannedSecret[] | undefined;
  readonly head: readonly PlannedSecret[] | undefined;
  readonly basePath?: string;
  readonly headPath?: string;
}

/** A secret rule: judges one side's secrets against the other's, matched by the field that carries them. */
export type SecretRule = (sides: SecretSides) => Finding[];

/** Each head secret with the base's secret of the same field (absent: the base has none, or an old plan). */
export function pairs(sides: SecretSides): { head: PlannedSecret; base?: PlannedSecret }[] {
  return (sides.head ?? []).map((head) => ({ head, base: sides.base?.find((b) => b.field === head.field) }));
}

/** `env:X (clientSecret)`, or the reference alone when the field is its own name. */
export function describeSecret(secret: PlannedSecret): string {
  return secret.reference.endsWith(`:${secret.field}`) ? secret.reference : `${secret.reference} (${secret.field})`;
}
