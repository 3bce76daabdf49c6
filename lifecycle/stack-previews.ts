import type { PlannedConnector } from "../plan/model";
import { printable } from "../providers/text/printable";
import type { ConnectorEngine } from "./engine-port";
import type { EnginePreview } from "./engines/engine";
import type { Unit } from "./units";

/** How `up --dry-run` and `down --dry-run` preview each stack. */
export interface StackPreviewOptions {
  /** `engine`: each engine's own preview where it can run one here; `synthesized`: never ask a cloud. */
  readonly mode: "engine" | "synthesized";
  readonly env: NodeJS.ProcessEnv;
  /**
   * The parameters a deploy of this stack would take now (its current key generations), for an
   * engine preview; none when it has none or they cannot be read.
   */
  readonly parameters?: (
    planned: PlannedConnector,
    engine: ConnectorEngine,
  ) => Promise<Record<string, string> | undefined>;
  readonly signal?: AbortSignal;
  readonly onEngineOutput?: (line: string) => void;
}

/** One stack's preview, or why there is none (the stack could not even be synthesized). */
export type StackPreview = { readonly preview: EnginePreview } | { readonly error: string };

/**
 * Previews each unit's stack for `action`, one after the other (the engines synthesize in
 * child processes and in this one); units without an engine are not in the map.
 */
export async function previewStacks(
  units: readonly Unit[],
  action: "deploy" | "destroy",
  options: StackPreviewOptions,
): Promise<Map<Unit, StackPreview>> {
  const previews = new Map<Unit, StackPreview>();
  for (const unit of units) {
    if (!unit.engine) continue;
    options.signal?.throwIfAborted();
    try {
      const parameters =
        options.mode === "engine"
          ? await options.parameters?.(unit.planned, unit.engine).catch(() => undefined)
          : undefined;
      const preview = await unit.engine.preview(action, {
        env: options.env,
        mode: options.mode,
        parameters,
        signal: options.signal,
        onOutput: options.onEngineOutput,
      });
      previews.set(unit, { preview });
    } catch (error) {
      if (options.signal?.aborted) throw error;
      previews.set(unit, { error: printable((error as Error).message) });
    }
  }
  return previews;
}
