import type { TenantConfig } from "../config/types";
import type { ConnectorConfig } from "../connectors/catalog";
import type { ConnectorEngine } from "./engines/engine";

export type { ConnectorEngine, EngineContext } from "./engines/engine";

/**
 * The engine of one connector's stack (undefined for kinds without a stack), as `up` and
 * `down` take it: the CLI binds lifecycle/engines' `engineFor` to its settings, tests pass
 * in-memory fakes, so the orchestration never depends on an engine being installed.
 */
export type EngineFor = (
  tenant: TenantConfig,
  connector: ConnectorConfig,
  configDir: string,
) => ConnectorEngine | undefined;
