import type { TenantConfig, ToolkitConfig } from "../config/types";
import { CATALOG, kindOf } from "../connectors/catalog";
import type { InsightsApi } from "../providers/insights/adapter";
import { connectorKey } from "../plan/connector-key";
import type { Connector } from "../providers/insights/contract";
import { printable } from "../providers/text/printable";
import type { InsightsClientTuning } from "../register/insights-target";
import type { EngineFor } from "./engine-port";
import { explainEngineFailure, explainedLine } from "./engine-failures";
import { destroyParameters } from "./key-rotations";
import { unitsOf, type Unit } from "./units";
import { SHEET_CONNECTOR_STAYS, tenantInsightsApi } from "./tenant-insights-api";

export interface DownOptions {
  readonly engineFor: EngineFor;
  readonly env: NodeJS.ProcessEnv;
  readonly emulatorUrl?: string;
  readonly http?: InsightsClientTuning;
  /** Interrupts the run: the running engine is asked to stop cleanly, and the report says where it stopped. */
  readonly signal?: AbortSignal;
  /** Interrupted again: the running engine is told to stop at once. */
  readonly insist?: AbortSignal;
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
  /** Set when the run was interrupted: the step it stopped in; a re-run of down finishes the job. */
  readonly interrupted?: { readonly step: string; readonly reason: string };
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
  let step = "turning off and deleting the Insights connectors";
  const say = (line: string) => options.onStep?.(`${tenant.name}: ${line}`);
  for (const line of leftByDesign(units)) say(`will leave ${line.what}: ${line.why}`);
  try {
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
      step = `destroy ${stack}: ${unit.engine.describe("destroy").join(" && ")}`;
      say(step);
      await destroyStack(config, unit, stack, options, { removed, left });
    }
  } catch (error) {
    if (!options.signal?.aborted) throw error;
    return {
      tenant: tenant.name,
      removed,
      left,
      interrupted: { step, reason: printable(String(options.signal.reason)) },
    };
  }
  return { tenant: tenant.name, removed, left };
}

/** What the config's kinds leave by design (a GitHub App registration, a PREVENT project), said before down starts. */
export function leftByDesign(units: readonly Unit[]): LeftBehind[] {
  return units.flatMap((unit) =>
    (kindOf(unit.planned.config).leftAfterOffboarding?.(unit.planned.config) ?? []).map((entry) => ({
      what: `${entry.what} of ${unit.planned.name}`,
      why: entry.why,
      expected: true,
    })),
  );
}

/**
 * Destroys one stack. A failure the connector's kind explains as what the config asked for (a
 * project `deletionPolicy: PREVENT` keeps) counts as done, with what is left said once; any other
 * failure leaves the stack, with the kind's located explanation when it has one.
 */
async function destroyStack(
  config: ToolkitConfig,
  unit: Unit,
  stack: string,
  options: DownOptions,
  tally: Pick<Tally, "removed" | "left">,
): Promise<void> {
  try {
    await unit.engine!.destroy({
      env: options.env,
      yes: true,
      parameters: destroyParameters(unit.planned.config),
      signal: options.signal,
      insist: options.insist,
      onOutput: options.onEngineOutput,
    });
  } catch (error) {
    if (options.signal?.aborted) throw error;
    const message = (error as Error).message;
    const explained = explainEngineFailure(config, unit.planned, message);
    if (!explained?.expected) {
      tally.left.push({ what: stack, why: printable(explained ? explainedLine(explained) : message) });
      return;
    }
  }
  tally.removed.push(stack);
  tally.left.push(...leftByDesign([unit]));
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
  const api = tenantInsightsApi(config, tenant, options);
  if (!api) {
    // A sheet tenant has no API: the human who typed the connectors in deletes them.
    for (const unit of units) {
      tally.left.push({
        what: `Insights connector ${unit.planned.name}`,
        why: SHEET_CONNECTOR_STAYS,
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
