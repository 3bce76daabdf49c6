/** Faults the emulator injects, each at a rate in [0, 1], drawn from a seeded generator. */
export interface FaultOptions {
  /** Extra delay before every answer. */
  readonly latencyMs?: number;
  /** Answer 429 with Retry-After instead of handling the request. */
  readonly rate429?: number;
  readonly retryAfterSeconds?: number;
  /** Answer 500/502/503 instead of handling the request. */
  readonly rate5xx?: number;
  /** Drop the connection, half the time before handling, half after (the change is made, the answer lost). */
  readonly rateDrop?: number;
  readonly seed?: number;
  /** Connectivity checks that find something other than the submitted values say (see {@link CheckFault}). */
  readonly checks?: CheckFault;
}

/**
 * The next connectivity checks of a connector, as a source that has not yet taken a new credential
 * (propagation) or has refused it answers: each check a create or update starts uses up one.
 */
export interface CheckFault {
  /** What the check finds: Failed or Warning, or `never`, a check that never ends (Checking until the next change). */
  readonly outcome: "Failed" | "Warning" | "never";
  /** How many checks end so; later ones find what the values say. @default every check */
  readonly times?: number;
  /** Only checks of connectors of this kind. @default every kind */
  readonly kind?: string;
}

/** mulberry32: small, fast and reproducible; enough for fault injection. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type FaultDecision =
  | { kind: "none" }
  | { kind: "429"; retryAfterSeconds: number }
  | { kind: "5xx"; status: 500 | 502 | 503 }
  | { kind: "drop"; when: "before" | "after" };

export class FaultInjector {
  private readonly random: () => number;
  private checks?: CheckFault;
  private checksLeft = Infinity;

  constructor(private readonly options: FaultOptions = {}) {
    this.random = seededRandom(options.seed ?? 1);
    this.injectChecks(options.checks);
  }

  /** From now on, checks end as `fault` says (undefined: as the values say); replaces any earlier check fault. */
  injectChecks(fault: CheckFault | undefined): void {
    this.checks = fault;
    this.checksLeft = fault?.times ?? Infinity;
  }

  /** What the next check of a `kind` connector finds instead of its values' outcome; undefined: the values' outcome. */
  nextCheck(kind: string): CheckFault["outcome"] | undefined {
    const fault = this.checks;
    if (!fault || this.checksLeft <= 0 || (fault.kind !== undefined && fault.kind !== kind)) return undefined;
    this.checksLeft -= 1;
    return fault.outcome;
  }

  get latencyMs(): number {
    return this.options.latencyMs ?? 0;
  }

  decide(): FaultDecision {
    const roll = this.random();
    let threshold = this.options.rate429 ?? 0;
    if (roll < threshold) return { kind: "429", retryAfterSeconds: this.options.retryAfterSeconds ?? 0 };
    threshold += this.options.rate5xx ?? 0;
    if (roll < threshold) return { kind: "5xx", status: ([500, 502, 503] as const)[Math.floor(this.random() * 3)] };
    threshold += this.options.rateDrop ?? 0;
    if (roll < threshold) return { kind: "drop", when: this.random() < 0.5 ? "before" : "after" };
    return { kind: "none" };
  }
}
