import { SecretRef } from "../values/secret-ref";
import type { PlannedValue } from "./kind";

/** A config value as a plan shows it: literals as they are, references as the reference. */
export function fromConfig(value: string | SecretRef): PlannedValue {
  return value instanceof SecretRef ? { from: "secret", ref: value.toString() } : { from: "config", value };
}
