import type { ToolkitConfig } from "../config/types";
import type { EngineFor } from "../lifecycle/engine-port";
import {
  engineFor as engineOfAdapter,
  type ConnectorEngine,
  type EngineAdapter,
  type EngineOptions,
} from "../lifecycle/engines";
import type { PlannedConnector, PlannedTenant } from "../plan/model";
import { hasStack } from "../plan/select";
import { ADAPTERS, adapterOf } from "./registry";

/** Every stack kind's engine adapter, by kind, each module loaded once. */
export async function engineAdapters(): Promise<ReadonlyMap<string, EngineAdapter<any>>> {
  const kinds = Object.keys(ADAPTERS);
  const loaded = await Promise.all(kinds.map((kind) => adapterOf(kind)!.engine()));
  return new Map(kinds.map((kind, i) => [kind, loaded[i]]));
}

/** The engine of a planned connector, with the adapters loaded; undefined for kinds without a stack. */
export function engineWith(
  adapters: ReadonlyMap<string, EngineAdapter<any>>,
  planned: PlannedConnector,
  tenant: Pick<PlannedTenant, "connectors">,
  configDir: string,
  options: EngineOptions,
): ConnectorEngine | undefined {
  const adapter = adapters.get(planned.kind);
  if (!adapter || !hasStack(planned)) return undefined;
  return engineOfAdapter(adapter, planned, tenant, configDir, options);
}

/**
 * The engine of one planned connector, by its kind's adapter; undefined for kinds without a
 * stack (registration-only, collector-install, integrations). `tenant` is the plan's tenant
 * the connector belongs to.
 */
export async function engineFor(
  planned: PlannedConnector,
  tenant: Pick<PlannedTenant, "connectors">,
  configDir: string,
  options: EngineOptions,
): Promise<ConnectorEngine | undefined> {
  return engineWith(await engineAdapters(), planned, tenant, configDir, options);
}

/**
 * Each kind's engine bound to one loaded config, in the shape `up` and `down` take
 * (lifecycle/engine-port.ts): the engine adapters are loaded here, once.
 */
export async function engineResolver(
  config: Pick<ToolkitConfig, "file">,
  options: Partial<EngineOptions> = {},
): Promise<EngineFor> {
  const adapters = await engineAdapters();
  return (planned, tenant, configDir) =>
    engineWith(adapters, planned, tenant, configDir, { configFile: config.file, ...options });
}
