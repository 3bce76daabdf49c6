import type { DeployInputs } from "../plan/model";
import type { InsightsApi } from "../providers/insights/adapter";
import type { ResolvedDeployInputs } from "./engines/engine";

/** Where the deploy inputs' values are read from: the tenant's Insights API, and the config's references. */
export interface DeployInputSources {
  /** The tenant's connector API; absent for a tenant without one (`sheet`). */
  readonly api?: InsightsApi;
  /** Folder of the config file, for `file:` references. */
  readonly configDir: string;
  readonly env: NodeJS.ProcessEnv;
}

/**
 * The plan's deploy inputs with their values, read now, right before the deploy: the AWS
 * external ID asked of Insights, or the config's reference resolved. The values go to the
 * engine and nowhere else.
 */
export async function resolveDeployInputs(
  inputs: DeployInputs,
  sources: DeployInputSources,
): Promise<ResolvedDeployInputs> {
  const input = inputs.awsExternalId;
  if (!input) return {};
  try {
    if (input.from === "config") return { awsExternalId: input.ref.resolve(sources.configDir, sources.env) };
    if (!sources.api) throw new Error("Insights issues it, but this tenant has no connector API to ask");
    return { awsExternalId: await sources.api.awsExternalId() };
  } catch (error) {
    throw new Error(`AWS external ID: ${(error as Error).message}`, { cause: error });
  }
}
