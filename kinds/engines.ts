import type { ToolkitConfig } from "../config/types";
import type { EngineFor } from "../lifecycle/engine-port";
import { engineFor as engineOfAdapter, type ConnectorEngine, type EngineOptions } from "../lifecycle/engines";
import type { PlannedConnector, PlannedTenant } from "../plan/model";
import { hasStack } from "../plan/select";
import { adapterOf } from "./registry";

/**
 * The engine of one planned connector, by its kind's adapter; undefined for kinds without a
 * stack (registration-only, collector-install, integrations). `tenant` is the plan's tenant
 * the connector belongs to.
 */
export function engineFor(
  planned: PlannedConnector,
  tenant: Pick<PlannedTenant, "connectors">,
  configDir: string,
  options: EngineOptions,
): ConnectorEngine | undefined {
  const adapter = adapterOf(planned.kind);
  if (!adapter || !hasStack(planned)) return undefined;
  return engineOfAdapter(adapter.engine, planned, tenant, configDir, options);
}

/** {@link engineFor} bound to one loaded config, in the shape `up` and `down` take (lifecycle/engine-port.ts). */
export function engineResolver(config: Pick<ToolkitConfig, "file">, options: Partial<EngineOptions> = {}): EngineFor {
  return (planned, tenant, configDir) => engineFor(planned, tenant, configDir, { configFile: config.file, ...options });
}
