import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadConfig } from "../../config/load";
import type { ToolkitConfig } from "../../config/types";
import { downTenant, type DownOptions, type DownReport } from "../../lifecycle/down";
import { upTenant, type UpOptions, type UpReport } from "../../lifecycle/up";
import type { InsightsApi } from "../../providers/insights/adapter";
import { InsightsEmulator } from "../../providers/insights/emulator/server";
import { insightsApiFor } from "../../register/insights-target";
import { configWith } from "../helpers/config-text";
import { FakeCloud } from "./fake-cloud";
import { INSIGHTS_CONNECTOR_KINDS } from "../../connectors/catalog";
import { rotationOutputsOf } from "../../kinds/rotation";
import { keyRotationFor } from "../../lifecycle/key-rotations";

export const CANARY = "CANARY-lifecycle-71c3";
export const ENV = { EPM_CLIENT_ID: "epm-client", EPM_CLIENT_SECRET: `${CANARY}-epm` };

/** Every engine family plus a registration-only and a collector kind, in the order `up` must follow. */
export const CONNECTORS = [
  'kind: aws\nname: AWS Dev\nmanagementAccountId: "333333333333"\ntrustedPrincipal: arn:aws:iam::222222222222:root\nexternalId: env:UNUSED_EXTERNAL_ID',
  "kind: azure\nname: Contoso Entra\ntenantId: 0f5b7c1e-0000-4000-8000-000000000001",
  "kind: okta\nname: Acme Okta\ndomain: acme.okta.com",
  "kind: epm-cloud\nname: Acme EPM\ndomain: https://acme.pm.beyondtrustcloud.com\nclientId: env:EPM_CLIENT_ID\nclientSecret: env:EPM_CLIENT_SECRET",
  "kind: active-directory\nname: corp.example AD",
];
export const STACKS = ["acme-aws", "acme-azure", "acme-okta"];

/** A tenant against an in-process emulator, with every engine faked by one {@link FakeCloud}. */
export class Harness {
  cloud = new FakeCloud();
  private controller = new AbortController();

  private constructor(
    readonly emulator: InsightsEmulator,
    readonly config: ToolkitConfig,
    readonly dir: string,
  ) {}

  static async start(connectors = CONNECTORS): Promise<Harness> {
    const emulator = await InsightsEmulator.start({ kinds: INSIGHTS_CONNECTOR_KINDS, checkDelayMs: 5 });
    const dir = mkdtempSync(join(tmpdir(), "lifecycle-"));
    writeFileSync(join(dir, "tenants.yaml"), configWith(connectors, `adapter: emulator\nurl: ${emulator.url}`));
    return new Harness(emulator, loadConfig(join(dir, "tenants.yaml")), dir);
  }

  stop(): Promise<void> {
    return this.emulator.stop();
  }

  /** The Insights API with each change counted as one effect of the cloud (and a possible kill point). */
  private api(): InsightsApi {
    const real = insightsApiFor(this.config.tenants[0].insights, this.dir, ENV, { retry: { retries: 0 } })!;
    const counted =
      <A extends unknown[], R>(what: string, call: (...args: A) => Promise<R>) =>
      async (...args: A) => {
        this.alive();
        const result = await call(...args);
        this.cloud.effect(`${what} ${JSON.stringify(args[0])?.slice(0, 30)}`);
        return result;
      };
    return {
      ...bind(real),
      create: counted("create", real.create.bind(real)),
      update: counted("update", real.update.bind(real)),
      remove: counted("remove", real.remove.bind(real)),
      turnOff: counted("turn-off", real.turnOff.bind(real)),
    };
  }

  private alive(): void {
    this.cloud.alive();
  }

  options(overrides: Partial<UpOptions> = {}): UpOptions {
    return {
      engineFor: this.cloud.engineFor,
      dryRun: false,
      env: ENV,
      settle: { settleTimeoutMs: 10_000, pollMs: 10 },
      sheetDir: join(this.dir, "sheets"),
      // The real wiring of each kind's rotation to its stack, over this cloud's stand-in stacks.
      rotationFor: (planned, engine) => keyRotationFor(planned.config, engine, this.cloud.slotSources),
      propagation: { minuteMs: 1, retryEveryMs: 1 },
      rotationOutputs: rotationOutputsOf,
      insightsApi: () => this.api(),
      signal: this.controller.signal,
      ...overrides,
    };
  }

  /** `up`; "killed" when the cloud's kill point was reached (the run stops there, as a dead process). */
  up(overrides: Partial<UpOptions> = {}): Promise<UpReport | "killed"> {
    // The stand-in stacks' applies run at the run's time.
    const now = overrides.now ?? (() => new Date());
    this.cloud.credentials.clock = now();
    return this.killable(() => upTenant(this.config, "acme", this.options({ now, ...overrides })));
  }

  down(overrides: Partial<DownOptions> = {}): Promise<DownReport | "killed"> {
    return this.killable(() => downTenant(this.config, "acme", { ...this.options(), ...overrides }));
  }

  /** The emulator's API with some calls replaced (failures the emulator cannot be asked for). */
  apiWith(replaced: Partial<InsightsApi>): () => InsightsApi {
    const real = insightsApiFor(this.config.tenants[0].insights, this.dir, ENV, { retry: { retries: 0 } })!;
    return () => ({ ...bind(real), ...replaced });
  }

  private async killable<T>(run: () => Promise<T>): Promise<T | "killed"> {
    const controller = (this.controller = new AbortController());
    this.cloud.onKill = () => controller.abort();
    try {
      const result = await run();
      // up and down report an interrupted run (where it stopped) instead of throwing: a dead process reports nothing.
      return controller.signal.aborted ? "killed" : result;
    } catch (error) {
      if (controller.signal.aborted) return "killed";
      throw error;
    }
  }

  /** What Insights holds: `kind/name` per connector, duplicates kept. */
  async registered(): Promise<string[]> {
    return (await this.emulator.all()).map((c) => `${c.kind}/${c.name}`).sort();
  }
}

function bind(api: InsightsApi): InsightsApi {
  return {
    list: () => api.list(),
    create: (...a) => api.create(...a),
    update: (...a) => api.update(...a),
    remove: (...a) => api.remove(...a),
    turnOff: (...a) => api.turnOff(...a),
    turnOn: (...a) => api.turnOn(...a),
    connectivity: (...a) => api.connectivity(...a),
    activity: (...a) => api.activity(...a),
    awsExternalId: () => api.awsExternalId(),
  };
}
