import { kindOf } from "../connectors/catalog";
import { sortGrants } from "../connectors/grant";
import { consolePath, type ConnectorConfigBase, type PlanNotice } from "../connectors/kind";
import { stackNames } from "../connectors/stack-name";
import type { TenantConfig, ToolkitConfig } from "../config/types";
import type { Plan, PlannedConnector, PlannedTenant } from "./model";

/** Builds the plan of a validated config: pure, reads no secret and contacts nothing. */
export function buildPlan(config: ToolkitConfig, tenantNames?: readonly string[]): Plan {
  const tenants = config.tenants
    .filter((t) => !tenantNames || tenantNames.includes(t.name))
    .map(planTenant)
    .sort((a, b) => compare(a.name, b.name));
  return { planVersion: 1, tenants };
}

function planTenant(tenant: TenantConfig): PlannedTenant {
  const { adapter, url, siteId } = tenant.insights;
  const stacks = stackNames(tenant.name, tenant.connectors);
  return {
    name: tenant.name,
    insights: { adapter, ...(url ? { url } : {}), ...(siteId ? { siteId } : {}) },
    connectors: tenant.connectors
      .map((c, i) => planConnector(c, stacks[i]))
      .sort((a, b) => compare(a.kind, b.kind) || compare(a.name, b.name)),
  };
}

function planConnector(config: ConnectorConfigBase, stackName: string): PlannedConnector {
  const kind = kindOf(config);
  const values = kind.plannedRegistration(config);
  const provisioning = kind.provisioning.mode === "stack" ? { ...kind.provisioning, stackName } : kind.provisioning;
  return {
    kind: kind.kind,
    name: config.name,
    consolePath: consolePath(kind),
    provisioning,
    registration: kind.registration.fields.map((field) => ({
      key: field.key,
      label: field.label,
      secret: field.secret,
      ...(field.enteredIn ? { enteredIn: field.enteredIn } : {}),
      value: values[field.key] ?? { from: "unset" as const },
    })),
    grants: sortGrants(kind.grants(config)),
    ...notices(kind.notices?.(config) ?? []),
  };
}

function notices(list: readonly PlanNotice[]): { notices?: readonly PlanNotice[] } {
  return list.length > 0 ? { notices: list } : {};
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
