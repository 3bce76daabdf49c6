import { inspect } from "node:util";

const REDACTED = "[redacted]";

/**
 * A secret held in memory. It prints, logs and serializes as `[redacted]`, so an
 * accidental `console.log`, template string or `JSON.stringify` cannot leak it; only
 * {@link SecretValue.reveal} returns the value, at the one place that must send it.
 */
export class SecretValue {
  readonly #value: string;

  constructor(value: string) {
    this.#value = value;
  }

  reveal(): string {
    return this.#value;
  }

  toString(): string {
    return REDACTED;
  }

  toJSON(): string {
    return REDACTED;
  }

  [inspect.custom](): string {
    return REDACTED;
  }
}
