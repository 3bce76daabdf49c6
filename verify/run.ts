import type { ToolkitConfig } from "../config/types";
import { buildPlan } from "../plan/build";
import type { PlannedConnector } from "../plan/model";
import { inConfigOrder } from "../plan/select";
import { grantDrift } from "./compare";
import { tenantConnectivity, type Connectivity } from "./connectivity";
import {
  DEFAULT_READ_LIMITS,
  UnreadableSourceError,
  type Drift,
  type Fact,
  type ReadContext,
  type ReadLimits,
  type SourceReader,
} from "./reading";

export type VerifyStatus = "verified" | "drift" | "unreadable" | "not verified";

/** What verify found for one connector. */
export interface ConnectorVerdict {
  readonly tenant: string;
  readonly kind: string;
  readonly name: string;
  readonly status: VerifyStatus;
  readonly drift: readonly Drift[];
  readonly facts: readonly Fact[];
  /** `unreadable`: the call that failed and why; `not verified`: why not. */
  readonly reason?: string;
  readonly connectivity: Connectivity;
}

export interface VerifyOptions {
  readonly tenants?: readonly string[];
  readonly kinds?: readonly string[];
  readonly env: NodeJS.ProcessEnv;
  readonly githubDir: string;
  readonly limits?: ReadLimits;
  /** Send every tenant's connectivity question to a local Insights emulator. */
  readonly emulatorUrl?: string;
  /** Skip asking Insights for connectivity. */
  readonly skipConnectivity?: boolean;
  /** The reader of each kind (the kinds' adapters, kinds/registry.ts `READERS`); a kind without one is not verified. */
  readonly readers: Readonly<Record<string, SourceReader<any>>>;
}

/**
 * Runs one reader under the source deadline. An {@link UnreadableSourceError} (or the
 * deadline) becomes the verdict's reason; any other error is a bug and propagates.
 */
async function readOne(
  reader: SourceReader<any> | undefined,
  planned: PlannedConnector,
  context: Omit<ReadContext, "signal">,
): Promise<Omit<ConnectorVerdict, "tenant" | "kind" | "name" | "connectivity">> {
  const connector = planned.config;
  if (!reader) return { status: "not verified", drift: [], facts: [], reason: `no reader for ${connector.kind} yet` };
  const controller = new AbortController();
  const seconds = context.limits.sourceTimeoutMs / 1000;
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(new UnreadableSourceError(`${connector.kind} source`, `no result within ${seconds} s (--source-timeout)`));
    }, context.limits.sourceTimeoutMs);
  });
  try {
    const reading = await Promise.race([reader.read(connector, { ...context, signal: controller.signal }), expired]);
    const drift = grantDrift(planned.grants, reading);
    return { status: drift.length ? "drift" : "verified", drift, facts: reading.facts };
  } catch (error) {
    if (!(error instanceof UnreadableSourceError)) throw error;
    return { status: "unreadable", drift: [], facts: [], reason: error.message };
  } finally {
    clearTimeout(timer);
  }
}

/** Reads every selected connector back from its source and compares it with the catalog. */
export async function verifyConfig(config: ToolkitConfig, options: VerifyOptions): Promise<ConnectorVerdict[]> {
  const limits = options.limits ?? DEFAULT_READ_LIMITS;
  const verdicts: ConnectorVerdict[] = [];
  for (const tenant of config.tenants.filter((t) => !options.tenants || options.tenants.includes(t.name))) {
    const [planned] = buildPlan(config, [tenant.name]).tenants;
    const selected = inConfigOrder(planned).filter((c) => !options.kinds || options.kinds.includes(c.kind));
    if (selected.length === 0) continue;
    const connectivity = options.skipConnectivity
      ? () => ({ state: "not checked", reason: "--skip-connectivity" }) as const
      : await tenantConnectivity(tenant, config.dir, options.env, limits.requestTimeoutMs, options.emulatorUrl);
    for (const connector of selected) {
      const { provisioning } = connector;
      const context = {
        tenant: tenant.name,
        stackName: provisioning.mode === "stack" ? provisioning.stackName : "",
        configDir: config.dir,
        env: options.env,
        limits,
        githubDir: options.githubDir,
      };
      // Only a stack kind has something deployed to read back.
      const reader = provisioning.mode === "stack" ? options.readers[connector.kind] : undefined;
      const found = await readOne(reader, connector, context);
      verdicts.push({
        tenant: tenant.name,
        kind: connector.kind,
        name: connector.name,
        ...found,
        connectivity: connectivity(connector.kind, connector.name),
      });
    }
  }
  return verdicts;
}
