import type { PlannedConnector, PlannedTenant } from "../plan/model";
import type { ConnectorEngine } from "./engines/engine";

export type { ConnectorEngine, EngineContext } from "./engines/engine";

/**
 * The engine of one planned connector's stack (undefined for kinds without a stack), as `up`
 * and `down` take it: the CLI binds each kind's engine adapter (kinds/engines.ts) to its
 * settings, tests pass in-memory fakes, so the orchestration never depends on an engine being
 * installed. `tenant` is the plan's tenant the connector belongs to.
 */
export type EngineFor = (
  planned: PlannedConnector,
  tenant: Pick<PlannedTenant, "connectors">,
  configDir: string,
) => ConnectorEngine | undefined;
