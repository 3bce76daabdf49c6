import type { InsightsTarget } from "../config/types";
import { SecretValue } from "../config/secret-value";
import type { InsightsApi } from "../providers/insights/adapter";
import { InsightsHttpClient, type InsightsHttpClientOptions } from "../providers/insights/http-client";
import { MissingValueError } from "./desired";

/** Where `insights-connectors emulator` listens by default. */
export const EMULATOR_DEFAULT_URL = "http://127.0.0.1:8080";
/** The emulator needs a site ID in its paths; any fixed one will do. */
export const EMULATOR_DEFAULT_SITE = "00000000-0000-4000-8000-000000000000";

/** The API client of a tenant's `insights:` target; `sheet` tenants have none. */
export function insightsApiFor(
  target: InsightsTarget,
  configDir: string,
  env: NodeJS.ProcessEnv,
  tuning: Pick<InsightsHttpClientOptions, "retry" | "timeoutMs" | "onExchange"> = {},
  emulatorUrl?: string,
): InsightsApi | undefined {
  // --emulator sends every tenant, whatever its adapter, to a local emulator (demo, rehearsal).
  if (emulatorUrl) return new InsightsHttpClient({ baseUrl: emulatorUrl, siteId: target.siteId ?? EMULATOR_DEFAULT_SITE, ...tuning });
  if (target.adapter === "sheet") return undefined;
  if (target.adapter === "emulator") {
    return new InsightsHttpClient({ baseUrl: target.url ?? EMULATOR_DEFAULT_URL, siteId: target.siteId ?? EMULATOR_DEFAULT_SITE, ...tuning });
  }
  let token: SecretValue;
  try {
    token = new SecretValue(target.token!.resolve(configDir, env));
  } catch (error) {
    throw new MissingValueError(`the Insights API token: ${(error as Error).message}`);
  }
  return new InsightsHttpClient({ baseUrl: target.url!, siteId: target.siteId!, token, ...tuning });
}
