import type { TenantConfig } from "../config/types";
import type { PlannedConnector } from "../plan/model";
import type { ConnectorEngine } from "./engine-port";
import type { EnginePreview } from "./engines/engine";
import { previewStacks, type StackPreviewOptions } from "./stack-previews";
import type { Unit } from "./units";
import { upSteps } from "./up-steps";

/** What a dry run takes of `up`'s options (lifecycle/up.ts `UpOptions`). */
export interface DryRunOptions {
  readonly preview?: Pick<StackPreviewOptions, "mode" | "parameters">;
  readonly env: NodeJS.ProcessEnv;
  readonly emulatorUrl?: string;
  readonly signal?: AbortSignal;
  readonly onEngineOutput?: (line: string) => void;
  /** Whether the connector's credential rotates through steps `up` takes (they are listed). */
  readonly rotationFor?: (planned: PlannedConnector, engine: ConnectorEngine) => unknown;
}

/** One connector of a dry run: its steps, and its stack's preview or why there is none. */
export interface PlannedOutcome {
  readonly kind: string;
  readonly name: string;
  readonly outcome: "planned";
  readonly steps: readonly string[];
  readonly preview?: EnginePreview;
  readonly previewError?: string;
}

/**
 * `up --dry-run`: per connector, the ordered steps and commands, and its stack's preview (the
 * engine's own where it can run one, else the synthesized resources). Nothing is changed, and
 * Insights is not contacted: the AWS external ID is not asked for.
 */
export async function dryRun(
  tenant: TenantConfig,
  units: readonly Unit[],
  viaApi: boolean,
  options: DryRunOptions,
): Promise<{ tenant: string; dryRun: true; connectors: PlannedOutcome[]; sheets: [] }> {
  const previews = await previewStacks(units, "deploy", {
    mode: options.preview?.mode ?? "engine",
    parameters: options.preview?.parameters,
    env: options.env,
    signal: options.signal,
    onEngineOutput: options.onEngineOutput,
  });
  const connectors = units.map((u): PlannedOutcome => {
    const rotates = Boolean(u.engine && options.rotationFor?.(u.planned, u.engine));
    const steps = upSteps(tenant, u, viaApi, { emulatorUrl: options.emulatorUrl, rotates });
    const preview = previews.get(u);
    return {
      kind: u.planned.kind,
      name: u.planned.name,
      outcome: "planned",
      steps,
      ...(preview && "preview" in preview ? { preview: preview.preview } : {}),
      ...(preview && "error" in preview ? { previewError: preview.error } : {}),
    };
  });
  return { tenant: tenant.name, dryRun: true, connectors, sheets: [] };
}
