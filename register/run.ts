import type { ToolkitConfig } from "../config/types";
import { buildPlan } from "../plan/build";
import type { PlannedConnector } from "../plan/model";
import type { InsightsHttpClientOptions } from "../providers/insights/http-client";
import { desiredConnector, MissingValueError, type DesiredConnector } from "./desired";
import { insightsApiFor } from "./insights-target";
import { firstOutputs, type OutputSource, type StackOutputs } from "./outputs";
import { reconcile, type ConnectorResult, type ReconcileOptions } from "./reconcile";
import { tenantSheets, writeSheets } from "./sheet";

export interface RegisterRunOptions extends ReconcileOptions {
  readonly tenants?: readonly string[];
  readonly outputSources: readonly OutputSource[];
  readonly env: NodeJS.ProcessEnv;
  /** Where the `sheet` adapter writes. */
  readonly sheetDir: string;
  readonly http?: Pick<InsightsHttpClientOptions, "retry" | "timeoutMs" | "onExchange">;
  /** Send every tenant to this local emulator instead of its own target. */
  readonly emulatorUrl?: string;
}

export interface RegisterRun {
  readonly results: ConnectorResult[];
  /** Sheets written for `sheet` tenants. */
  readonly sheets: string[];
}

async function outputsOf(planned: PlannedConnector, sources: readonly OutputSource[]): Promise<StackOutputs | undefined> {
  if (planned.provisioning.mode !== "stack") return undefined;
  return firstOutputs(sources, planned.provisioning.stackName!, planned.provisioning.engine);
}

/** Registers every connector of the selected tenants; a failing connector never stops the others. */
export async function registerConfig(config: ToolkitConfig, options: RegisterRunOptions): Promise<RegisterRun> {
  const plan = buildPlan(config, options.tenants);
  const results: ConnectorResult[] = [];
  const sheets: string[] = [];
  for (const tenant of plan.tenants) {
    const target = config.tenants.find((t) => t.name === tenant.name)!.insights;
    const failed = (planned: PlannedConnector, detail: string): ConnectorResult => ({ tenant: tenant.name, kind: planned.kind, name: planned.name, action: "failed", fields: [], detail });

    if (target.adapter === "sheet" && !options.emulatorUrl) {
      const outputs = new Map<PlannedConnector, StackOutputs | undefined>();
      for (const planned of tenant.connectors) outputs.set(planned, await outputsOf(planned, options.outputSources).catch(() => undefined));
      const tenantConfig = config.tenants.find((t) => t.name === tenant.name)!;
      if (!options.dryRun) sheets.push(...writeSheets(options.sheetDir, tenant.name, tenantSheets(tenantConfig, tenant.connectors, (p) => outputs.get(p))));
      continue;
    }

    const desired: DesiredConnector[] = [];
    // Integrations (PRA ↔ PI) are not Insights connectors: their sheet covers them, register does not.
    for (const planned of tenant.connectors.filter((c) => c.provisioning.mode !== "integration")) {
      try {
        const outputs = await outputsOf(planned, options.outputSources);
        desired.push(desiredConnector(tenant.name, planned, { configDir: config.dir, env: options.env, outputs }));
      } catch (error) {
        const result = failed(planned, error instanceof MissingValueError ? error.message : `reading outputs: ${(error as Error).message}`);
        options.onResult?.(result);
        results.push(result);
      }
    }
    try {
      const api = insightsApiFor(target, config.dir, options.env, options.http, options.emulatorUrl)!;
      results.push(...(await reconcile(api, desired, options)));
    } catch (error) {
      // The tenant's API is unreachable or refuses us: every connector of it failed, the other tenants go on.
      for (const wanted of desired) {
        const result: ConnectorResult = { tenant: tenant.name, kind: wanted.kind, name: wanted.name, action: "failed", fields: [], detail: (error as Error).message };
        options.onResult?.(result);
        results.push(result);
      }
    }
  }
  return { results, sheets };
}
