import { resolve } from "node:path";
import { stateDir } from "../../config/local-state";
import type { PlannedTenant } from "../../plan/model";
import type { PlannedStack } from "../../plan/select";
import type { ConnectorEngine, EngineAdapter, EngineSettings, EngineTarget } from "./engine";

export type {
  ConnectorEngine,
  EngineAdapter,
  EngineContext,
  EngineSettings,
  EngineStep,
  ResolvedDeployInputs,
} from "./engine";
export { GithubAppPendingError } from "./github-app";

/** What {@link engineFor} needs besides the connector; only the config file has no default. */
export type EngineOptions = Pick<EngineSettings, "configFile"> &
  Partial<Omit<EngineSettings, "configFile" | "configDir">>;

/**
 * The engine of one planned stack, built by its kind's engine adapter (kinds/ binds each
 * stack kind to one) with the settings resolved; the step carries the plan's stack name and
 * the catalog's engine. `tenant` is the plan's tenant the connector belongs to.
 */
export function engineFor<C>(
  adapter: EngineAdapter<C>,
  planned: PlannedStack,
  tenant: Pick<PlannedTenant, "connectors">,
  configDir: string,
  options: EngineOptions,
): ConnectorEngine {
  const settings: EngineSettings = {
    configDir,
    env: process.env,
    ...options,
    configFile: resolve(options.configFile),
    stateDir: resolve(options.stateDir ?? stateDir()),
    cdktfOut: resolve(options.cdktfOut ?? "cdktf.out"),
  };
  const { engine, stackName, summary } = planned.provisioning;
  const target: EngineTarget = {
    tenant: planned.tenant,
    step: { engine, stackName, summary },
    settings,
    severalOfKind: tenant.connectors.filter((c) => c.kind === planned.kind).length > 1,
  };
  return adapter(target, planned.config as C);
}
