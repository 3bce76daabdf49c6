import { generateKeyPairSync } from "node:crypto";
import type { ConnectorConfig } from "../../connectors/catalog";

const keysByGeneration = new Map<number, string>();
/** A real RSA key per generation (PKCS#8 PEM), so the registration form's key checks pass. */
export function keyOf(generation: number): string {
  if (!keysByGeneration.has(generation)) {
    const pem = generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({ type: "pkcs8", format: "pem" });
    keysByGeneration.set(generation, pem.toString());
  }
  return keysByGeneration.get(generation)!;
}

const DAY = 24 * 60 * 60 * 1000;

/** One credential at its source: what Insights would be given, and until when the source accepts it. */
export interface FakeCredential {
  readonly value: string;
  readonly createdAt: string;
  /** The source stops accepting it then (PingOne's previous secret); absent: until deleted. */
  readonly until?: string;
}

/** What one stand-in stack holds of its credential, by generation (GCP, Entra; PingOne: current and previous). */
interface CredentialState {
  readonly generations: Map<number, FakeCredential>;
  /** The variable as last applied (Entra: with each generation's creation), passed back as an output. */
  recorded?: unknown;
  /** PingOne: when the next apply regenerates the secret. */
  dueAt?: string;
}

/**
 * In-memory stand-in for the credential resources of the CDKTF stacks, as their applies leave them
 * (not Terraform): GCP keys and Entra secrets one per generation the variable lists, each created by
 * the apply that first lists it and deleted by the apply that drops it; the PingOne secret regenerated
 * by the first apply at or after its due time, the replaced one accepted for `previousSecretGraceDays`.
 * `clock` is the time the next apply runs at.
 */
export class FakeCredentials {
  clock = new Date(0);
  private readonly state = new Map<string, CredentialState>();
  private counter = 0;

  /** Applies `parameters` to the stack's credential and returns the outputs its stack declares. */
  apply(stack: string, config: ConnectorConfig, parameters: Readonly<Record<string, string>>): Record<string, string> {
    const state = this.state.get(stack) ?? { generations: new Map<number, FakeCredential>() };
    this.state.set(stack, state);
    if (config.kind === "gcp") return this.applyGcp(stack, state, parameters);
    if (config.kind === "azure") return this.applyEntra(stack, state, config.secretRotationDays, parameters);
    if (config.kind === "pingone") return this.applyPingOne(stack, state, config);
    return {};
  }

  /** The stack's outputs after its last apply; undefined before its first (`terraform output`). */
  outputs(stack: string, config: ConnectorConfig): Record<string, string> | undefined {
    const state = this.state.get(stack);
    return state && state.generations.size > 0 ? this.outputsOf(state, config) : undefined;
  }

  /** The credentials the source accepts now, newest last. */
  accepted(stack: string): FakeCredential[] {
    const generations = [...(this.state.get(stack)?.generations.entries() ?? [])].sort(([a], [b]) => a - b);
    return generations.map(([, c]) => c).filter((c) => !c.until || Date.parse(c.until) > this.clock.getTime());
  }

  /** A PingOne stack as main 478175c–da93100 left it: a secret, no rotation trigger, no due time. */
  deployedBeforeRotation(stack: string): void {
    const generations = new Map([[1, this.credential(stack, 1)]]);
    this.state.set(stack, { generations, dueAt: undefined, recorded: "predates rotation" });
  }

  forget(stack: string): void {
    this.state.delete(stack);
  }

  private credential(stack: string, generation: number): FakeCredential {
    this.counter += 1;
    return { value: `${stack}-generation-${generation}-${this.counter}`, createdAt: this.clock.toISOString() };
  }

  private keep(stack: string, state: CredentialState, generations: readonly number[]): void {
    for (const g of [...state.generations.keys()]) if (!generations.includes(g)) state.generations.delete(g);
    for (const g of generations) if (!state.generations.has(g)) state.generations.set(g, this.credential(stack, g));
  }

  private applyGcp(stack: string, state: CredentialState, parameters: Readonly<Record<string, string>>) {
    const generations = JSON.parse(parameters.service_account_key_generations) as number[];
    this.keep(stack, state, generations);
    state.recorded = generations;
    return this.outputsOf(state, { kind: "gcp" } as ConnectorConfig);
  }

  private applyEntra(
    stack: string,
    state: CredentialState,
    rotationDays: number,
    parameters: Readonly<Record<string, string>>,
  ) {
    const listed = JSON.parse(parameters.client_secret_generations) as { generation: number; created_at: string }[];
    this.keep(
      stack,
      state,
      listed.map((s) => s.generation),
    );
    state.recorded = listed;
    return this.outputsOf(state, { kind: "azure", secretRotationDays: rotationDays } as ConnectorConfig);
  }

  private applyPingOne(stack: string, state: CredentialState, config: ConnectorConfig & { kind: "pingone" }) {
    const current = state.generations.get(Math.max(0, ...state.generations.keys()));
    if (!current || (state.dueAt && this.clock.getTime() >= Date.parse(state.dueAt))) {
      const generation = (current ? Math.max(...state.generations.keys()) : 0) + 1;
      const until = new Date(this.clock.getTime() + config.previousSecretGraceDays * DAY).toISOString();
      // PingOne keeps one previous secret: older ones stop at once.
      for (const [g, c] of state.generations)
        state.generations.set(g, c === current ? { ...c, until } : { ...c, until: c.createdAt });
      state.generations.set(generation, this.credential(stack, generation));
      state.dueAt = new Date(this.clock.getTime() + config.secretRotationDays * DAY).toISOString();
    }
    return this.outputsOf(state, config);
  }

  private outputsOf(state: CredentialState, config: ConnectorConfig): Record<string, string> {
    const newest = state.generations.get(Math.max(...state.generations.keys()))!;
    if (config.kind === "gcp") {
      const generation = Math.max(...state.generations.keys());
      const key = {
        type: "service_account",
        project_id: "bt-insights-connector",
        private_key_id: newest.value,
        private_key: keyOf(generation),
        client_email: "bt-insights-connector@bt-insights-connector.iam.gserviceaccount.com",
      };
      return {
        service_account_key: JSON.stringify(key),
        service_account_key_created_at: newest.createdAt,
        service_account_key_generations: JSON.stringify(state.recorded),
      };
    }
    if (config.kind === "azure") {
      const due = new Date(Date.parse(newest.createdAt) + config.secretRotationDays * DAY).toISOString();
      return {
        client_secret: newest.value,
        client_secret_created_at: newest.createdAt,
        client_secret_rotation_due: due,
        client_secret_generations: JSON.stringify(state.recorded),
      };
    }
    return { client_secret: newest.value, ...(state.dueAt ? { client_secret_rotation_due: state.dueAt } : {}) };
  }
}
