import type { TenantConfig, ToolkitConfig } from "../config/types";
import type { InsightsApi } from "../providers/insights/adapter";
import { insightsApiFor, type InsightsClientTuning } from "../register/insights-target";

/** How `up` and `down` reach Insights: the CLI's settings, or an API a test puts in their place. */
export interface InsightsReach {
  readonly env: NodeJS.ProcessEnv;
  readonly emulatorUrl?: string;
  readonly http?: InsightsClientTuning;
  readonly insightsApi?: (tenant: TenantConfig) => InsightsApi | undefined;
}

/**
 * The Insights API a lifecycle command uses for `tenant`: none for a sheet tenant, whose
 * connectors a human types in the console (unless --emulator sends every tenant to one).
 */
export function tenantInsightsApi(
  config: ToolkitConfig,
  tenant: TenantConfig,
  reach: InsightsReach,
): InsightsApi | undefined {
  if (tenant.insights.adapter === "sheet" && !reach.emulatorUrl) return undefined;
  const api =
    reach.insightsApi ?? ((t) => insightsApiFor(t.insights, config.dir, reach.env, reach.http, reach.emulatorUrl));
  return api(tenant);
}
