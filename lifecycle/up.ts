import type { TenantConfig, ToolkitConfig } from "../config/types";
import type { PlannedConnector } from "../plan/model";
import { hasStack } from "../plan/select";
import type { InsightsApi } from "../providers/insights/adapter";
import type { ConnectivityState } from "../providers/insights/contract";
import { printable } from "../providers/text/printable";
import { desiredConnector } from "../register/desired";
import type { InsightsClientTuning } from "../register/insights-target";
import type { StackOutputs } from "../register/outputs";
import { reconcile, type ConnectorResult, type ReconcileOptions } from "../register/reconcile";
import { registerConfig } from "../register/run";
import type { ConnectorEngine, EngineFor } from "./engine-port";
import { GithubAppPendingError } from "./engines/github-app";
import { credentialCreated, type CredentialCreated, type NotRotated, type RotationOutputs } from "./credential-created";
import { resolveDeployInputs } from "./deploy-inputs";
import { propagationWaitOf, type PropagationPacing } from "./propagation";
import {
  deployWithRotation,
  deployWithWindowRotation,
  type CredentialRotationPlan,
  type RegistrationOutcome,
} from "./rotate";
import { unitsOf, type Unit } from "./units";
import { ExternalError } from "../values/errors";
import { explainEngineFailure, explainedLine } from "./engine-failures";
import type { EnginePreview } from "./engines/engine";
import type { StackPreviewOptions } from "./stack-previews";
import { dryRun } from "./up-dry-run";
import { reachesInsightsApi, tenantInsightsApi } from "./tenant-insights-api";

export interface UpOptions {
  readonly engineFor: EngineFor;
  /** Change nothing: the steps, the commands and each stack's preview (see {@link UpOptions.preview}). */
  readonly dryRun: boolean;
  /**
   * How a dry run previews each stack: `engine` (the default) runs the engine's own preview where
   * it can (credentials present, CLI installed; read-only), else lists the synthesized resources;
   * `synthesized` never asks a cloud. `parameters` gives a stack's current deploy parameters.
   */
  readonly preview?: Pick<StackPreviewOptions, "mode" | "parameters">;
  readonly env: NodeJS.ProcessEnv;
  /** Send the tenant to this local emulator instead of its own target. */
  readonly emulatorUrl?: string;
  readonly http?: InsightsClientTuning;
  /** How registration waits for the first connectivity check. */
  readonly settle: Pick<ReconcileOptions, "settleTimeoutMs" | "pollMs" | "deadline" | "progress">;
  /** Where `sheet` tenants' registration sheets are written. */
  readonly sheetDir: string;
  /** How a connector's credential rotates under `up`: by slots (GCP, Okta, Entra) or with a window (PingOne). */
  readonly rotationFor?: (planned: PlannedConnector, engine: ConnectorEngine) => CredentialRotationPlan | undefined;
  /** How re-checks are paced while a deployed identity propagates (lifecycle/propagation.ts). */
  readonly propagation?: PropagationPacing;
  /**
   * The outputs that carry a kind's credential times, as its adapter declares them (kinds/);
   * without it, no creation time is recorded.
   */
  readonly rotationOutputs?: (planned: PlannedConnector) => RotationOutputs<any> | NotRotated;
  /**
   * Interrupts the run (SIGINT, SIGTERM, the deadline): the running engine is asked to stop
   * cleanly, and the report says which step of which connector it stopped in.
   */
  readonly signal?: AbortSignal;
  /** Interrupted again: the running engine is told to stop at once. */
  readonly insist?: AbortSignal;
  /** One line per step as it starts. */
  readonly onStep?: (line: string) => void;
  /** Engines' own output lines. */
  readonly onEngineOutput?: (line: string) => void;
  /** The tenant's Insights API; tests wrap it. @default the tenant's `insights:` target */
  readonly insightsApi?: (tenant: TenantConfig) => InsightsApi | undefined;
  /** @default () => new Date() */
  readonly now?: () => Date;
  /** Keeps the registered credential's creation time for `status` (lifecycle/rotation/credential-record.ts). */
  readonly recordCredential?: (
    connector: string,
    created: CredentialCreated & { readonly registeredAt: string },
  ) => void;
}

export interface UpConnectorOutcome {
  readonly kind: string;
  readonly name: string;
  /**
   * converged: deployed, registered, first check done; planned: dry run; sheet: awaiting a human;
   * interrupted: the run stopped in one of its steps; not-run: the run stopped before it.
   */
  readonly outcome: "converged" | "failed" | "planned" | "sheet" | "interrupted" | "not-run";
  /** The steps, in order: what ran, or with a dry run what would. */
  readonly steps: readonly string[];
  readonly registration?: ConnectorResult;
  /** Why it failed, in the engine's or the API's own words. */
  readonly detail?: string;
  /** Dry run: what its stack's engine says would change, or the synthesized resources. */
  readonly preview?: EnginePreview;
  /** Dry run: why there is no preview (the stack could not be synthesized). */
  readonly previewError?: string;
}

export interface UpReport {
  readonly tenant: string;
  readonly dryRun: boolean;
  readonly connectors: readonly UpConnectorOutcome[];
  /** Sheets written for a `sheet` tenant. */
  readonly sheets: readonly string[];
  /** Set when the run was interrupted: where it stopped, and why (`SIGTERM`); a re-run resumes. */
  readonly interrupted?: { readonly connector?: string; readonly step?: string; readonly reason: string };
}

/** Where `up` is done with a connector: Connected, or (a collector) waiting for its agent to be installed. */
const CONVERGED: readonly ConnectivityState[] = ["Connected", "Pending Agent Registration"];

/** Raised when a step fails: names the step, keeps the engine's or API's own message. */
class StepFailure extends ExternalError {}

/**
 * `up` for one tenant: per connector, in the config's order, obtain what the source needs
 * from Insights, deploy through the connector's engine, register its outputs, wait for the
 * first connectivity check. A failing connector stops alone; every step is idempotent, so
 * a re-run resumes wherever an earlier run stopped.
 */
export async function upTenant(config: ToolkitConfig, tenantName: string, options: UpOptions): Promise<UpReport> {
  const tenant = config.tenants.find((t) => t.name === tenantName)!;
  const viaApi = reachesInsightsApi(tenant, options.emulatorUrl);
  const units = unitsOf(config, tenant, options.engineFor, { everyTenantHasApi: Boolean(options.emulatorUrl) });
  if (options.dryRun) return dryRun(tenant, units, viaApi, options);
  const api = tenantInsightsApi(config, tenant, options);
  const connectors: UpConnectorOutcome[] = [];
  const sheetOutputs = new Map<string, StackOutputs>();
  let interrupted: UpReport["interrupted"];
  for (const unit of units) {
    const steps: string[] = [];
    const base = { kind: unit.planned.kind, name: unit.planned.name, steps };
    if (interrupted || options.signal?.aborted) {
      interrupted ??= { reason: abortReason(options.signal) };
      connectors.push({ ...base, outcome: "not-run" });
      continue;
    }
    try {
      if (api) {
        const registration = await upConnector(tenant, unit, api, options, config, steps);
        if (options.signal?.aborted) {
          // The wait for the first check ended early: the step stopped, whatever the check said so far.
          interrupted = { connector: unit.planned.name, step: steps.at(-1), reason: abortReason(options.signal) };
          connectors.push({ ...base, outcome: "interrupted", registration, detail: registration.detail });
          continue;
        }
        const ok = registration.connectivity !== undefined && CONVERGED.includes(registration.connectivity);
        const detail =
          registration.detail ?? (ok ? undefined : `connectivity is ${registration.connectivity ?? "unknown"}`);
        connectors.push({ ...base, outcome: ok ? "converged" : "failed", registration, ...(detail ? { detail } : {}) });
      } else {
        const { provisioning } = unit.planned;
        const outputs = unit.engine ? await deploy(tenant, unit, undefined, options, config, steps) : undefined;
        if (outputs && provisioning.mode === "stack") sheetOutputs.set(provisioning.stackName, outputs);
        connectors.push({ ...base, outcome: "sheet" });
      }
    } catch (error) {
      if (options.signal?.aborted) {
        // Recorded where it stopped; every step is idempotent, so the next up resumes from there.
        interrupted = { connector: unit.planned.name, step: steps.at(-1), reason: abortReason(options.signal) };
        connectors.push({ ...base, outcome: "interrupted", detail: printable((error as Error).message) });
        continue;
      }
      connectors.push({ ...base, outcome: "failed", detail: printable((error as Error).message) });
    }
  }
  if (interrupted) return { tenant: tenant.name, dryRun: false, connectors, sheets: [], interrupted };
  const sheets = api ? [] : await writeSheets(config, tenant, sheetOutputs, options);
  return { tenant: tenant.name, dryRun: false, connectors, sheets };
}

/** What stopped the run, as a person reads it: `SIGTERM`, or the deadline's own words. */
function abortReason(signal: AbortSignal | undefined): string {
  const reason: unknown = signal?.reason;
  return printable(reason instanceof Error ? reason.message : String(reason ?? "interrupted"));
}

/**
 * API tenants: deploy (rotating a due credential, judged by Insights), register, wait for the first
 * check and, after a deploy, for the source to take the identity (the kind's propagation wait).
 */
async function upConnector(
  tenant: TenantConfig,
  unit: Unit,
  api: InsightsApi,
  options: UpOptions,
  config: ToolkitConfig,
  steps: string[],
): Promise<ConnectorResult> {
  const configDir = config.dir;
  let registration: ConnectorResult | undefined;
  // Only a deploy creates or changes an identity that has to propagate.
  const propagation = unit.engine ? propagationWaitOf(unit.planned.config, options.propagation) : undefined;
  const register = async (outputs: StackOutputs | undefined): Promise<RegistrationOutcome> => {
    step(options, steps, tenant, unit, "register with Insights and wait for the first connectivity check");
    const desired = desiredConnector(tenant.name, unit.planned, { configDir, env: options.env, outputs });
    const settle = { ...options.settle, dryRun: false, concurrency: 1, ...(propagation ? { propagation } : {}) };
    [registration] = await reconcile(api, [desired], settle);
    // Insights did not take the values at all; any other outcome is judged by its check.
    if (registration.action === "failed") throw new StepFailure(`register: ${registration.detail}`);
    const { planned } = unit;
    const rotation = options.rotationOutputs?.(planned);
    const created = rotation && hasStack(planned) ? credentialCreated(planned, rotation, outputs) : undefined;
    const registeredAt = (options.now ?? (() => new Date()))().toISOString();
    if (created) options.recordCredential?.(planned.name, { ...created, registeredAt });
    return registration;
  };
  if (!unit.engine) {
    await register(undefined);
    return registration!;
  }
  const deployWith = (parameters?: Record<string, string>) =>
    deploy(tenant, unit, api, options, config, steps, parameters);
  const note = (line: string) => step(options, steps, tenant, unit, line);
  const now = (options.now ?? (() => new Date()))();
  const rotation = options.rotationFor?.(unit.planned, unit.engine);
  if (!rotation) await register(await deployWith());
  else if (rotation.by === "key-slots") await deployWithRotation(rotation, now, { deploy: deployWith, register, note });
  else {
    const longestWaitMs = options.settle.settleTimeoutMs + (propagation?.windowMs ?? 0);
    await deployWithWindowRotation(rotation, now, longestWaitMs, { deploy: () => deployWith(), register, note });
  }
  return registration!;
}

/** One deploy through the connector's engine, with what the source needs from Insights. */
async function deploy(
  tenant: TenantConfig,
  unit: Unit,
  api: InsightsApi | undefined,
  options: UpOptions,
  config: ToolkitConfig,
  steps: string[],
  extra: Record<string, string> = {},
): Promise<StackOutputs> {
  const configDir = config.dir;
  const engine = unit.engine!;
  const missing = engine.missing();
  if (missing) throw new StepFailure(`deploy: ${missing}`);
  const sources = { api, configDir, env: options.env };
  const inputs = await resolveDeployInputs(unit.planned.deployInputs, sources).catch((error: Error) => {
    throw new StepFailure(error.message);
  });
  options.signal?.throwIfAborted();
  step(options, steps, tenant, unit, `deploy: ${engine.describe("deploy").join(" && ")}`);
  try {
    return await engine.deploy({
      env: options.env,
      yes: true,
      parameters: extra,
      inputs,
      signal: options.signal,
      insist: options.insist,
      onOutput: options.onEngineOutput,
    });
  } catch (error) {
    if (error instanceof GithubAppPendingError) {
      throw new StepFailure(
        `deploy: the GitHub App does not exist yet; an organization owner runs ${error.command}, then up again`,
      );
    }
    const message = (error as Error).message;
    // A provider error with a known cause (an app management policy, a missing root management group) is said
    // in the user's terms, with the config field to change; the engine's own words follow.
    const explained = options.signal?.aborted ? undefined : explainEngineFailure(config, unit.planned, message);
    throw new StepFailure(
      `deploy: ${explained ? `${explainedLine(explained)} (the engine said: ${message})` : message}`,
    );
  }
}

function step(options: UpOptions, steps: string[], tenant: TenantConfig, unit: Unit, line: string): void {
  steps.push(line);
  options.onStep?.(`${tenant.name}/${unit.planned.name}: ${line}`);
}

/** Sheet tenants: the deployed stacks' outputs go into the registration sheets a human types in. */
async function writeSheets(
  config: ToolkitConfig,
  tenant: TenantConfig,
  outputs: Map<string, StackOutputs>,
  options: UpOptions,
): Promise<string[]> {
  const run = await registerConfig(config, {
    tenants: [tenant.name],
    dryRun: false,
    concurrency: 1,
    ...options.settle,
    outputSources: [
      { description: "the engines' outputs of this run", outputs: async (stackName) => outputs.get(stackName) },
    ],
    env: options.env,
    sheetDir: options.sheetDir,
  });
  return run.sheets;
}
