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

/** Why a sheet tenant's connector stays after `down`: a human typed it in, a human deletes it. */
export const SHEET_CONNECTOR_STAYS = "sheet tenant: delete it in the console (Menu > Connectors)";

/** Whether a lifecycle command reaches `tenant`'s Insights through an API: not a sheet tenant's, unless --emulator. */
export function reachesInsightsApi(tenant: TenantConfig, emulatorUrl: string | undefined): boolean {
  return tenant.insights.adapter !== "sheet" || Boolean(emulatorUrl);
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
  if (!reachesInsightsApi(tenant, reach.emulatorUrl)) return undefined;
  const api =
    reach.insightsApi ?? ((t) => insightsApiFor(t.insights, config.dir, reach.env, reach.http, reach.emulatorUrl));
  return api(tenant);
}
