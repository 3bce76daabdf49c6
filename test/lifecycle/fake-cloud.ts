import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { oktaKeySlots, type OktaKeySlots } from "../../connectors/okta/key-rotation";
import type { ConnectorConfig } from "../../connectors/catalog";
import type { ConnectorEngine, EngineContext, EngineFor } from "../../lifecycle/engine-port";
import type { KeySlotSources } from "../../lifecycle/key-rotations";
import type { PlannedConnector } from "../../plan/model";
import { syntheticOutputSource } from "../../register/synthetic";
import { FakeCredentials, keyOf } from "./fake-credentials";

/** Thrown by a fake engine or API at the step a test chose: the process "dies" there. */
export class Killed extends Error {
  constructor(step: number) {
    super(`killed at step ${step}`);
  }
}

const synthetic = syntheticOutputSource(join(mkdtempSync(join(tmpdir(), "fake-cloud-")), "key.pem"));

/**
 * In-memory stand-in for every engine: a stack exists from its deploy until its destroy, and
 * records the parameters and deploy inputs it was last deployed with. Effects happen before a
 * kill, as a real crash after the cloud answered would leave them. Not any real engine.
 */
export class FakeCloud {
  readonly stacks = new Map<string, Readonly<Record<string, string>>>();
  readonly log: string[] = [];
  /** Counts effects (deploys, destroys; the test's API wrapper adds its calls). */
  steps = 0;
  /** Kill the run right after this effect (1-based). */
  killAt?: number;
  /** A stack whose deploy fails with this message. */
  readonly failing = new Map<string, string>();
  /** Engines reported missing: stack -> how to install. */
  readonly missing = new Map<string, string>();
  /** The GCP keys, Entra secrets and PingOne secrets of the CDKTF stand-in stacks. */
  readonly credentials = new FakeCredentials();
  private readonly configs = new Map<string, ConnectorConfig>();

  /** Called when the kill point is reached (the harness aborts the run). */
  onKill?: () => void;
  private dead = false;

  /** One effect happened; dies here when the test says so. */
  effect(what: string): void {
    this.steps += 1;
    this.log.push(what);
    if (this.killAt !== this.steps) return;
    this.dead = true;
    this.onKill?.();
    throw new Killed(this.steps);
  }

  /** A dead process changes nothing more. */
  alive(): void {
    if (this.dead) throw new Error("the process is dead");
  }

  /** A new process: no kill point, the step count starts again. */
  revive(): void {
    this.dead = false;
    this.killAt = undefined;
    this.steps = 0;
  }

  readonly engineFor: EngineFor = (planned) => {
    this.configs.set(stackOf(planned), planned.config);
    return this.engine(stackOf(planned), planned.kind);
  };

  /** Where `up`'s real rotation wiring (lifecycle/key-rotations.ts) reads this cloud's stacks back. */
  readonly slotSources: KeySlotSources = {
    terraformOutputs: async (stack) => {
      this.alive();
      const config = this.configs.get(stack);
      return this.stacks.has(stack) && config ? this.credentials.outputs(stack, config) : undefined;
    },
    oktaKeySlots: async (stack) => {
      this.alive();
      if (!this.stacks.has(stack)) return undefined;
      const raw = this.stacks.get(stack)?.keySlots;
      return raw ? JSON.parse(raw) : null;
    },
  };

  private engine(stack: string, kind: string): ConnectorEngine {
    return {
      step: { engine: `fake (${kind})`, stackName: stack, summary: "stand-in stack" },
      missing: () => this.missing.get(stack),
      describe: (action) => [`fake-engine ${action} ${stack}`],
      deploy: async (context: EngineContext) => {
        this.alive();
        const failure = this.failing.get(stack);
        if (failure) throw new Error(failure);
        this.stacks.set(stack, { ...context.parameters, ...context.inputs });
        const credentials = this.credentials.apply(stack, this.configs.get(stack)!, context.parameters ?? {});
        this.effect(`deploy ${stack}`);
        return { ...(await this.outputsOf(stack, kind)), ...credentials };
      },
      destroy: async () => {
        this.alive();
        this.stacks.delete(stack);
        this.credentials.forget(stack);
        this.effect(`destroy ${stack}`);
      },
      preview: async (action) => ({
        source: "synthesized",
        note: "stand-in stack",
        resources: [
          {
            address: `${stack}-resource`,
            type: `fake_${kind}`,
            action: action === "destroy" && !this.stacks.has(stack) ? "no-op" : "declared",
          },
        ],
      }),
    };
  }

  private async outputsOf(stack: string, kind: string): Promise<Record<string, string>> {
    const outputs = (await synthetic.outputs(stack, "fake"))!;
    if (kind !== "okta") return outputs;
    const slots = this.slotsOf(stack) ?? { current: { generation: 1 } };
    const registered = slots.next ?? slots.current;
    const created: Record<string, string> = registered.createdAt ? { keyCreatedAt: registered.createdAt } : {};
    return {
      ...outputs,
      domain: "acme.okta.com",
      privateKeyPem: keyOf(registered.generation),
      keyGeneration: String(registered.generation),
      ...created,
    };
  }

  /** The key slots a stack was last deployed with. */
  slotsOf(stack: string): OktaKeySlots | undefined {
    const raw = this.stacks.get(stack)?.keySlots;
    return raw ? oktaKeySlots.parse(JSON.parse(raw)) : undefined;
  }
}

/** The stack name the plan gave the connector. */
export function stackOf(planned: PlannedConnector): string {
  if (planned.provisioning.mode !== "stack") throw new Error(`${planned.name} has no stack`);
  return planned.provisioning.stackName;
}

export { keyOf };
