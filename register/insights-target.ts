import type { InsightsTarget } from "../config/types";
import { SecretValue } from "../values/secret-value";
import type { InsightsApi } from "../providers/insights/adapter";
import { InsightsHttpClient, type InsightsHttpClientOptions } from "../providers/insights/http-client";
import { MissingValueError } from "./desired";
import { INSIGHTS_CONNECTOR_KINDS } from "../connectors/catalog";

/** Where `insights-connectors emulator` listens by default. */
export const EMULATOR_DEFAULT_URL = "http://127.0.0.1:8080";
/** The emulator needs a site ID in its paths; any fixed one will do. */
export const EMULATOR_DEFAULT_SITE = "00000000-0000-4000-8000-000000000000";

/** What a command may tune of the http client: deadlines, retries and what it reports. */
export type InsightsClientTuning = Pick<
  InsightsHttpClientOptions,
  "retry" | "timeoutMs" | "runDeadline" | "maxResponseBytes" | "onExchange" | "onRetry"
>;

/** The next step when the local emulator does not answer. */
function startEmulatorHint(url: string): string {
  return `start the emulator: npx insights-connectors emulator --port ${new URL(url).port || "80"}`;
}

/** The API client of a tenant's `insights:` target; `sheet` tenants have none. */
export function insightsApiFor(
  target: InsightsTarget,
  configDir: string,
  env: NodeJS.ProcessEnv,
  tuning: InsightsClientTuning = {},
  emulatorUrl?: string,
): InsightsApi | undefined {
  const client = (options: Pick<InsightsHttpClientOptions, "baseUrl" | "siteId" | "token" | "unreachableHint">) =>
    new InsightsHttpClient({ kinds: INSIGHTS_CONNECTOR_KINDS, ...tuning, ...options });
  // --emulator sends every tenant, whatever its adapter, to a local emulator (demo, rehearsal).
  if (emulatorUrl) {
    const unreachableHint = `${startEmulatorHint(emulatorUrl)}, or check --emulator`;
    return client({ baseUrl: emulatorUrl, siteId: target.siteId ?? EMULATOR_DEFAULT_SITE, unreachableHint });
  }
  if (target.adapter === "sheet") return undefined;
  if (target.adapter === "emulator") {
    const baseUrl = target.url ?? EMULATOR_DEFAULT_URL;
    const unreachableHint = `${startEmulatorHint(baseUrl)}, or check \`insights.url\` in the config`;
    return client({ baseUrl, siteId: target.siteId ?? EMULATOR_DEFAULT_SITE, unreachableHint });
  }
  let token: SecretValue;
  try {
    token = new SecretValue(target.token!.resolve(configDir, env));
  } catch (error) {
    throw new MissingValueError(`the Insights API token: ${(error as Error).message}`);
  }
  const unreachableHint = "check `insights.url` in the config, and that this machine can reach it";
  return client({ baseUrl: target.url!, siteId: target.siteId!, token, unreachableHint });
}
