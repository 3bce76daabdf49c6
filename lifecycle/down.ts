import type { TenantConfig, ToolkitConfig } from "../config/types";
import { CATALOG, kindOf } from "../connectors/catalog";
import type { InsightsApi } from "../providers/insights/adapter";
import { connectorKey } from "../plan/connector-key";
import type { Connector } from "../providers/insights/contract";
import { printable } from "../providers/text/printable";
import { insightsApiFor, type InsightsClientTuning } from "../register/insights-target";
import type { EngineFor } from "./engine-port";
import { destroyParameters } from "./key-rotations";
import { unitsOf, type Unit } from "./units";

export interface DownOptions {
  readonly engineFor: EngineFor;
  readonly env: NodeJS.ProcessEnv;
  readonly emulatorUrl?: string;
  readonly http?: InsightsClientTuning;
  readonly signal?: AbortSignal;
  readonly onStep?: (line: string) => void;
  readonly onEngineOutput?: (line: string) => void;
  /** The tenant's Insights API; tests wrap it. @default the tenant's `insights:` target */
  readonly insightsApi?: (tenant: TenantConfig) => InsightsApi | undefined;
}

/** Something `down` could not remove, and why. */
export interface LeftBehind {
  readonly what: string;
  readonly why: string;
  /** Left by design for a human (the GitHub App registration, a sheet tenant's connectors); not a failure. */
  readonly expected?: boolean;
}

export interface DownReport {
  readonly tenant: string;
  readonly removed: readonly string[];
  readonly left: readonly LeftBehind[];
}

/** The kind says Insights refuses to turn it off (Active Directory): it is deleted directly. */
function cannotTurnOff(kind: string): boolean {
  return CATALOG.some((entry) => entry.kind === kind && entry.cannotTurnOff !== undefined);
}

/**
 * `down` for one tenant: its Insights connectors turned off and deleted first (so nothing polls
 * a credential about to die), then its stacks destroyed in the reverse of the config's order.
 * A stack whose connector could not be deleted is kept, and said so. Ends with what is left.
 */
export async function downTenant(config: ToolkitConfig, tenantName: string, options: DownOptions): Promise<DownReport> {
  const tenant = config.tenants.find((t) => t.name === tenantName)!;
  const units = unitsOf(config, tenant, options.engineFor);
  const removed: string[] = [];
  const left: LeftBehind[] = [];
  const say = (line: string) => options.onStep?.(`${tenant.name}: ${line}`);
  const kept = await removeConnectors(config, tenant, units, options, { removed, left, say });
  for (const unit of [...units].reverse()) {
    options.signal?.throwIfAborted();
    if (!unit.engine || kept.has(unit) || unit.planned.provisioning.mode !== "stack") continue;
    const stack = `stack ${unit.planned.provisioning.stackName} (${unit.planned.name})`;
    const missing = unit.engine.missing();
    if (missing) {
      left.push({ what: stack, why: printable(missing) });
      continue;
    }
    say(`destroy ${stack}: ${unit.engine.describe("destroy").join(" && ")}`);
    try {
      const parameters = destroyParameters(unit.planned.config);
      await unit.engine.destroy({
        env: options.env,
        yes: true,
        parameters,
        signal: options.signal,
        onOutput: options.onEngineOutput,
      });
      removed.push(stack);
      const leftByDesign = kindOf(unit.planned.config).leftAfterOffboarding;
      if (leftByDesign)
        left.push({ what: `${leftByDesign.what} of ${unit.planned.name}`, why: leftByDesign.why, expected: true });
    } catch (error) {
      if (options.signal?.aborted) throw error;
      left.push({ what: stack, why: printable((error as Error).message) });
    }
  }
  return { tenant: tenant.name, removed, left };
}

interface Tally {
  readonly removed: string[];
  readonly left: LeftBehind[];
  say(line: string): void;
}

/** Turns off and deletes each connector Insights holds for the config; returns the units whose connector stays. */
async function removeConnectors(
  config: ToolkitConfig,
  tenant: TenantConfig,
  units: Unit[],
  options: DownOptions,
  tally: Tally,
): Promise<Set<Unit>> {
  const api =
    tenant.insights.adapter !== "sheet" || options.emulatorUrl
      ? (
          options.insightsApi ??
          ((t) => insightsApiFor(t.insights, config.dir, options.env, options.http, options.emulatorUrl))
        )(tenant)
      : undefined;
  if (!api) {
    // A sheet tenant has no API: the human who typed the connectors in deletes them.
    for (const unit of units) {
      tally.left.push({
        what: `Insights connector ${unit.planned.name}`,
        why: "sheet tenant: delete it in the console (Menu > Connectors)",
        expected: true,
      });
    }
    return new Set();
  }
  let existing: Connector[];
  try {
    existing = await api.list();
  } catch (error) {
    const why = `could not list the Insights connectors, so its stack was kept: ${printable((error as Error).message)}`;
    for (const unit of units) tally.left.push({ what: `connector ${unit.planned.name}`, why });
    return new Set(units);
  }
  const kept = new Set<Unit>();
  for (const unit of units) {
    options.signal?.throwIfAborted();
    const found = existing.find((c) => connectorKey(tenant.name, c.kind, c.name) === unit.planned.key);
    if (!found) continue;
    const what = `Insights connector ${unit.planned.name} (${unit.planned.kind})`;
    try {
      tally.say(`turn off and delete ${what}`);
      await turnOffThenRemove(api, found);
      tally.removed.push(what);
    } catch (error) {
      if (options.signal?.aborted) throw error;
      const why = `${printable(
        (error as Error).message,
      )}; its stack was kept so the connector does not poll a dead credential`;
      tally.left.push({ what, why });
      kept.add(unit);
    }
  }
  return kept;
}

async function turnOffThenRemove(api: InsightsApi, connector: Connector): Promise<void> {
  if (connector.enabled && !cannotTurnOff(connector.kind)) {
    await api.turnOff(connector.id);
  }
  await api.remove(connector.id);
}
