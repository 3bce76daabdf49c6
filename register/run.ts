import { join } from "node:path";
import type { ToolkitConfig } from "../config/types";
import { buildPlan } from "../plan/build";
import type { Plan, PlannedConnector } from "../plan/model";
import { revealValues } from "../providers/insights/adapter";
import { desiredConnector, MissingValueError, type DesiredConnector } from "./desired";
import { insightsApiFor, type InsightsClientTuning } from "./insights-target";
import { firstOutputs, type OutputSource, type StackOutputs } from "./outputs";
import { reconcile, type ConnectorResult, type ReconcileOptions } from "./reconcile";
import { registrationSheet, sheetFileName, tenantSheets, writeSheets } from "./sheet";

export interface RegisterRunOptions extends ReconcileOptions {
  readonly tenants?: readonly string[];
  readonly outputSources: readonly OutputSource[];
  readonly env: NodeJS.ProcessEnv;
  /** Where the `sheet` adapter writes. */
  readonly sheetDir: string;
  readonly http?: InsightsClientTuning;
  /** Send every tenant to this local emulator instead of its own target. */
  readonly emulatorUrl?: string;
  /** Sheet tenants: also return the sheets with secret values filled in (for a terminal only; never written). */
  readonly revealSecrets?: boolean;
}

export interface RegisterRun {
  readonly results: ConnectorResult[];
  /** Sheets written for `sheet` tenants (with dryRun: the ones that would be written). */
  readonly sheets: string[];
  /** With revealSecrets: the same sheets with values, to print to a terminal and nowhere else. */
  readonly revealedSheets: string[];
}

async function outputsOf(
  planned: PlannedConnector,
  sources: readonly OutputSource[],
): Promise<StackOutputs | undefined> {
  if (planned.provisioning.mode !== "stack") return undefined;
  return firstOutputs(sources, planned.provisioning.stackName, planned.provisioning.engine);
}

type PlannedTenant = Plan["tenants"][number];
type FailConnector = (connector: { kind: string; name: string }, detail: string) => void;

/** Sheet tenants: masked sheets written to disk and, with revealSecrets, filled-in ones returned for a terminal. */
async function sheetTenant(
  config: ToolkitConfig,
  tenant: PlannedTenant,
  options: RegisterRunOptions,
  fail: FailConnector,
): Promise<{ sheets: string[]; revealed: string[] }> {
  const outputs = new Map<PlannedConnector, StackOutputs | undefined>();
  for (const planned of tenant.connectors) {
    // An output source that fails is reported as for every adapter, not written as "not deployed yet".
    const read = outputsOf(planned, options.outputSources).catch(
      (error: Error) => void fail(planned, `reading outputs: ${error.message}`),
    );
    outputs.set(planned, (await read) ?? undefined);
  }
  const sheets = options.dryRun
    ? tenant.connectors.map((p) => join(options.sheetDir, tenant.name, sheetFileName(p)))
    : writeSheets(
        options.sheetDir,
        tenant.name,
        tenantSheets(tenant.connectors, (p) => outputs.get(p)),
      );
  const revealed: string[] = [];
  if (options.revealSecrets) {
    for (const planned of tenant.connectors.filter((c) => c.provisioning.mode !== "integration")) {
      try {
        const wanted = desiredConnector(tenant.name, planned, {
          configDir: config.dir,
          env: options.env,
          outputs: outputs.get(planned),
        });
        revealed.push(registrationSheet(tenant.name, planned, outputs.get(planned), revealValues(wanted.values)));
      } catch (error) {
        revealed.push(`# ${planned.name}: cannot reveal (${(error as Error).message})\n`);
      }
    }
  }
  return { sheets, revealed };
}

/** Registers every connector of the selected tenants; a failing connector never stops the others. */
export async function registerConfig(config: ToolkitConfig, options: RegisterRunOptions): Promise<RegisterRun> {
  const plan = buildPlan(config, options.tenants);
  const results: ConnectorResult[] = [];
  const sheets: string[] = [];
  const revealedSheets: string[] = [];
  for (const tenant of plan.tenants) {
    const target = config.tenants.find((t) => t.name === tenant.name)!.insights;
    const fail: FailConnector = (connector, detail) => {
      const result: ConnectorResult = {
        tenant: tenant.name,
        kind: connector.kind,
        name: connector.name,
        action: "failed",
        fields: [],
        detail,
      };
      options.onResult?.(result);
      results.push(result);
    };

    if (target.adapter === "sheet" && !options.emulatorUrl) {
      const written = await sheetTenant(config, tenant, options, fail);
      sheets.push(...written.sheets);
      revealedSheets.push(...written.revealed);
      continue;
    }

    const desired: DesiredConnector[] = [];
    // Integrations (PRA ↔ PI) are not Insights connectors: their sheet covers them, register does not.
    for (const planned of tenant.connectors.filter((c) => c.provisioning.mode !== "integration")) {
      try {
        const outputs = await outputsOf(planned, options.outputSources);
        desired.push(desiredConnector(tenant.name, planned, { configDir: config.dir, env: options.env, outputs }));
      } catch (error) {
        fail(
          planned,
          error instanceof MissingValueError ? error.message : `reading outputs: ${(error as Error).message}`,
        );
      }
    }
    try {
      const api = insightsApiFor(target, config.dir, options.env, options.http, options.emulatorUrl)!;
      results.push(...(await reconcile(api, desired, options)));
    } catch (error) {
      // The tenant's API is unreachable or refuses us: every connector of it failed, the other tenants go on.
      for (const wanted of desired) fail(wanted, (error as Error).message);
    }
  }
  return { results, sheets, revealedSheets };
}
