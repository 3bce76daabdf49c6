import type { TenantConfig, ToolkitConfig } from "../config/types";
import type { ConnectorConfig } from "../connectors/catalog";
import { buildPlan } from "../plan/build";
import type { PlannedConnector } from "../plan/model";
import type { ConnectorEngine, EngineFor } from "./engine-port";

/** A connector of the config with its plan entry and, when it has a stack, its engine. */
export interface Unit {
  readonly connector: ConnectorConfig;
  readonly planned: PlannedConnector;
  readonly engine?: ConnectorEngine;
}

/**
 * Each connector of a tenant that registers with Insights, in the config's order (the plan
 * sorts by kind; `up` follows the order the user wrote, `down` its reverse), with its engine.
 */
export function unitsOf(config: ToolkitConfig, tenant: TenantConfig, engineFor: EngineFor): Unit[] {
  const planned = buildPlan(config, [tenant.name]).tenants[0].connectors;
  return tenant.connectors
    .map((connector) => ({
      connector,
      planned: planned.find((p) => p.kind === connector.kind && p.name === connector.name)!,
    }))
    .filter(({ planned }) => planned.provisioning.mode !== "integration")
    .map((unit) => ({
      ...unit,
      engine: unit.planned.provisioning.mode === "stack" ? engineFor(tenant, unit.connector, config.dir) : undefined,
    }));
}
