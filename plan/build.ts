import { kindOf, type ConnectorConfig } from "../connectors/catalog";
import { sortGrants } from "../connectors/grant";
import { consolePath, type PlanNotice } from "../connectors/kind";
import { stackNames } from "../connectors/stack-name";
import type { TenantConfig, ToolkitConfig } from "../config/types";
import { connectorKey } from "./connector-key";
import type { DeployInputs, Plan, PlannedConnector, PlannedProvisioning, PlannedTenant } from "./model";

export interface PlanOptions {
  /**
   * Every tenant is sent to an Insights API (`--emulator-url`), `sheet` tenants too: what a
   * deploy needs from Insights is asked of it. @default only `http` and `emulator` tenants have one
   */
  readonly everyTenantHasApi?: boolean;
}

/** Builds the plan of a validated config: pure, reads no secret and contacts nothing. */
export function buildPlan(config: ToolkitConfig, tenantNames?: readonly string[], options: PlanOptions = {}): Plan {
  const tenants = config.tenants
    .filter((t) => !tenantNames || tenantNames.includes(t.name))
    .map((t) => planTenant(t, options))
    .sort((a, b) => compare(a.name, b.name));
  return { planVersion: 1, tenants };
}

function planTenant(tenant: TenantConfig, options: PlanOptions): PlannedTenant {
  const { adapter, url, siteId } = tenant.insights;
  const stacks = stackNames(tenant.name, tenant.connectors);
  const hasApi = adapter !== "sheet" || options.everyTenantHasApi === true;
  return {
    name: tenant.name,
    insights: { adapter, ...(url ? { url } : {}), ...(siteId ? { siteId } : {}) },
    connectors: tenant.connectors
      .map((c, i) => planConnector(tenant.name, c, i, stacks[i], hasApi))
      .sort((a, b) => compare(a.kind, b.kind) || compare(a.name, b.name)),
  };
}

function planConnector(
  tenant: string,
  config: ConnectorConfig,
  position: number,
  stackName: string,
  hasApi: boolean,
): PlannedConnector {
  const kind = kindOf(config);
  const values = kind.plannedRegistration(config);
  const provisioning: PlannedProvisioning =
    kind.provisioning.mode === "stack" ? { ...kind.provisioning, stackName } : kind.provisioning;
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
    tenant,
    key: connectorKey(tenant, kind.kind, config.name),
    position,
    config,
    deployInputs: deployInputs(config, hasApi),
  };
}

/** What the deploy needs from Insights: asked of the tenant's API, else read from the config's reference. */
function deployInputs(config: ConnectorConfig, hasApi: boolean): DeployInputs {
  const needs = kindOf(config).needsFromInsights;
  if (!needs) return {};
  return { awsExternalId: hasApi ? { from: "insights" } : { from: "config", ref: needs.awsExternalId(config) } };
}

function notices(list: readonly PlanNotice[]): { notices?: readonly PlanNotice[] } {
  return list.length > 0 ? { notices: list } : {};
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
