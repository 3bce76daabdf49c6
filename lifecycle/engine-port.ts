import type { TenantConfig } from "../config/types";
import type { ConnectorConfig } from "../connectors/catalog";

/**
 * What `up` and `down` need of a connector's engine (cdk, terraform/cdktf, Pulumi, the
 * GitHub App flow). lifecycle/engines/ builds the real ones; tests pass in-memory fakes.
 * Declared structurally here so the orchestration depends on the shape, not on a runner.
 */
export interface EngineContext {
  readonly env: NodeJS.ProcessEnv;
  /** The user agreed to changes (`--yes`): the engine must not prompt. */
  readonly yes: boolean;
  /** The engine's own output, line by line, for progress. */
  readonly onOutput?: (line: string) => void;
  /** Stack parameters (the AWS external ID, key slots): values, never printed. */
  readonly parameters?: Readonly<Record<string, string>>;
  readonly signal?: AbortSignal;
}

export interface ConnectorEngine {
  /** Why the engine cannot run on this machine and how to install it; undefined when it can. */
  missing(): string | undefined;
  /** The commands an action would run, for `--dry-run` (no secret in them). */
  describe(action: "deploy" | "destroy"): string[];
  /** Applies the stack; resolves to its outputs, held in memory only. */
  deploy(context: EngineContext): Promise<Record<string, string>>;
  /** Removes everything the stack created; succeeds when there is nothing left to remove. */
  destroy(context: EngineContext): Promise<void>;
}

/** The engine of one connector's stack; undefined for kinds that have no stack. */
export type EngineFor = (tenant: TenantConfig, connector: ConnectorConfig, configDir: string) => ConnectorEngine | undefined;
