import { kindOf, type ConnectorConfig } from "../connectors/catalog";
import { sortGrants } from "../connectors/grant";
import { consolePath, type PlanNotice } from "../connectors/kind";
import { stackNames } from "../connectors/stack-name";
import type { TenantConfig, ToolkitConfig } from "../config/types";
import { connectorKey } from "./connector-key";
import type {
  DeployInputs,
  Plan,
  PlannedConnector,
  PlannedProvisioning,
  PlannedTenant,
  SecretDestination,
} from "./model";
import { connectorSecrets, insightsDestinations, tenantSecrets } from "./secrets";

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
    .map((t, index) => ({ t, path: `tenants[${index}]` }))
    .filter(({ t }) => !tenantNames || tenantNames.includes(t.name))
    .map(({ t, path }) => planTenant(t, { ...options, path, configDir: config.dir }))
    .sort((a, b) => compare(a.name, b.name));
  return { planVersion: 1, tenants };
}

/** Where a tenant sits in its config file. */
interface TenantPlacement {
  /** `tenants[0]`. */
  readonly path: string;
  /** The folder `file:` references are relative to. */
  readonly configDir: string;
}

function planTenant(tenant: TenantConfig, options: PlanOptions & TenantPlacement): PlannedTenant {
  const { adapter, url, siteId } = tenant.insights;
  const stacks = stackNames(tenant.name, tenant.connectors);
  const hasApi = adapter !== "sheet" || options.everyTenantHasApi === true;
  const insights = insightsDestinations(tenant.insights, options.path);
  return {
    name: tenant.name,
    insights: { adapter, ...(url ? { url } : {}), ...(siteId ? { siteId } : {}) },
    configPath: options.path,
    secrets: tenantSecrets(tenant.insights, options.path, options.configDir),
    connectors: tenant.connectors
      .map((c, i) =>
        planConnector(tenant.name, c, i, stacks[i], hasApi, {
          path: `${options.path}.connectors[${i}]`,
          configDir: options.configDir,
          insights,
        }),
      )
      .sort((a, b) => compare(a.kind, b.kind) || compare(a.name, b.name)),
  };
}

function planConnector(
  tenant: string,
  config: ConnectorConfig,
  position: number,
  stackName: string,
  hasApi: boolean,
  placement: TenantPlacement & { readonly insights: readonly SecretDestination[] },
): PlannedConnector {
  const kind = kindOf(config);
  const values = kind.plannedRegistration(config);
  const provisioning: PlannedProvisioning =
    kind.provisioning.mode === "stack" ? { ...kind.provisioning, stackName } : kind.provisioning;
  const registration = kind.registration.fields.map((field) => ({
    key: field.key,
    label: field.label,
    secret: field.secret,
    ...(field.enteredIn ? { enteredIn: field.enteredIn } : {}),
    value: values[field.key] ?? { from: "unset" as const },
  }));
  return {
    kind: kind.kind,
    name: config.name,
    consolePath: consolePath(kind),
    provisioning,
    registration,
    grants: sortGrants(kind.grants(config)),
    ...notices(kind.notices?.(config) ?? []),
    // The stack name is the connector's identity: every connector has one, stack or not (stackNames).
    identity: stackName,
    configPath: placement.path,
    secrets: connectorSecrets({
      kind,
      config,
      registration,
      connectorPath: placement.path,
      insights: placement.insights,
      configDir: placement.configDir,
    }),
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
