import type { TenantConfig, ToolkitConfig } from "../config/types";
import { buildPlan, type PlanOptions } from "../plan/build";
import type { PlannedConnector } from "../plan/model";
import { inConfigOrder } from "../plan/select";
import type { ConnectorEngine, EngineFor } from "./engine-port";

/** A connector's plan entry (the carrier of its facts) and, when it has a stack, its engine. */
export interface Unit {
  readonly planned: PlannedConnector;
  readonly engine?: ConnectorEngine;
}

/**
 * Each connector of a tenant that registers with Insights, in the config's order (the plan
 * sorts by kind; `up` follows the order the user wrote, `down` its reverse), with its engine.
 */
export function unitsOf(
  config: ToolkitConfig,
  tenant: TenantConfig,
  engineFor: EngineFor,
  options: PlanOptions = {},
): Unit[] {
  const [planned] = buildPlan(config, [tenant.name], options).tenants;
  return inConfigOrder(planned)
    .filter((connector) => connector.provisioning.mode !== "integration")
    .map((connector) => ({
      planned: connector,
      engine: connector.provisioning.mode === "stack" ? engineFor(connector, planned, config.dir) : undefined,
    }));
}
