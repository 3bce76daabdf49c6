import type { ResourceChange } from "../../providers/engines/resource-change";

export type { ResourceAction, ResourceChange } from "../../providers/engines/resource-change";

/**
 * The engine port `up` and `down` drive: one {@link ConnectorEngine} per connector that has a
 * stack, built by its kind's {@link EngineAdapter} (the kind's adapter in kinds/ names it) from the plan.
 */

/** What a connector's stack is, for progress lines and dry runs. */
export interface EngineStep {
  /** The catalog's engine: `aws-cdk`, `cdktf`, `pulumi` or `github-app-manifest`. */
  readonly engine: string;
  readonly stackName: string;
  /** The catalog's one-line summary of what the stack creates. */
  readonly summary: string;
}

export interface EngineContext {
  /**
   * The environment of the engine's process (cloud credentials, PATH). An engine that runs in
   * this process (the CDK toolkit for AWS, Pulumi's Automation API) reads `process.env` itself.
   */
  readonly env: NodeJS.ProcessEnv;
  /** The user agreed to changes (`--yes`): the engine must not prompt. */
  readonly yes: boolean;
  /** The engine's own output, line by line, escape codes stripped and parameter values masked. */
  readonly onOutput?: (line: string) => void;
  /**
   * Stack parameters by name, as the engine takes them: Terraform variables for CDKTF stacks
   * (passed as TF_VAR_*), `keySlots` (JSON) for Okta. Values: never printed.
   */
  readonly parameters?: Readonly<Record<string, string>>;
  /** The plan's deploy inputs, resolved for this deploy; the engine gives each the form it takes. Never printed. */
  readonly inputs?: ResolvedDeployInputs;
  /** The run is interrupted: the engine is asked to stop cleanly and the call rejects once it has. */
  readonly signal?: AbortSignal;
  /** Interrupted again: the engine is told to stop at once. */
  readonly insist?: AbortSignal;
}

/** What a preview needs: no deploy inputs (nothing is asked of Insights), and nothing is changed. */
export interface PreviewContext extends Pick<EngineContext, "env" | "parameters" | "onOutput" | "signal"> {
  /** `synthesized`: never ask the cloud; list the stack's resources as synthesized. @default "engine" */
  readonly mode?: "engine" | "synthesized";
}

/** A file or folder on this machine that an engine keeps for a stack, and what `destroy` does with it. */
export interface LocalFile {
  readonly path: string;
  /** What it is: `Terraform state`. */
  readonly what: string;
  /** `destroy` deletes it (true), or it stays and why (`why`). */
  readonly removedByDestroy: boolean;
  readonly why: string;
}

/** One stack's preview: what its engine says it would change, or the synthesized resources and why. */
export interface EnginePreview {
  /**
   * `engine`: the engine's own preview, against what is deployed (toolkit diff, `terraform plan`,
   * `pulumi preview`); `synthesized`: the stack's resources as synthesized, compared with nothing.
   */
  readonly source: "engine" | "synthesized";
  /** How the preview was made, or why the engine's own could not be (no credentials, no CLI). */
  readonly note: string;
  readonly resources: readonly ResourceChange[];
}

export interface ConnectorEngine {
  readonly step: EngineStep;
  /** Undefined when the engine's CLI is present; else what to install (nothing was changed). */
  missing(): string | undefined;
  /** The commands a dry run prints, in order; parameter values appear as `***`. */
  describe(action: "deploy" | "destroy", options?: { readonly yes?: boolean }): string[];
  /** Deploys (idempotent) and returns the stack outputs read from the engine; held in memory only. */
  deploy(context: EngineContext): Promise<Record<string, string>>;
  /** Removes what the stack created; succeeds when there is nothing left to remove. */
  destroy(context: EngineContext): Promise<void>;
  /**
   * What `deploy` or `destroy` would change, resource by resource, changing nothing: the engine's
   * own preview when it can run one here (credentials present, its CLI installed), else the
   * resources the synthesized stack declares, with the reason in `note`. Never writes a plan file.
   */
  preview(action: "deploy" | "destroy", context: PreviewContext): Promise<EnginePreview>;
  /** The files this engine keeps on this machine for the stack, those that exist now. */
  localFiles?(): readonly LocalFile[];
}

/** Where the engines keep their files; every path absolute. */
export interface EngineSettings {
  /** The tenant config file the CDK and CDKTF apps synthesize. */
  readonly configFile: string;
  /** The config's folder: secret references are relative to it. */
  readonly configDir: string;
  /** Local state (Terraform state, Pulumi backend, GitHub credentials). */
  readonly stateDir: string;
  /** Synthesized CDKTF stacks (`<cdktfOut>/stacks/<stack>`), where `register --cdktf-out` reads too. */
  readonly cdktfOut: string;
  /** Environment `missing()` probes the CLIs with. */
  readonly env: NodeJS.ProcessEnv;
  /** How the AWS stack deploys: `direct` for CloudFormation emulators. @default `change-set` */
  readonly cdkMethod?: "direct" | "change-set";
  /** Deadline of each engine run. @default 30 min */
  readonly timeoutMs?: number;
}

/** A stack-building kind's step and settings: what each adapter is built from. */
export interface EngineTarget {
  readonly tenant: string;
  readonly step: EngineStep;
  readonly settings: EngineSettings;
  /** The tenant has other connectors of this kind: a command that picks this one must name it. */
  readonly severalOfKind: boolean;
}

/** The deploy inputs of the plan (plan/model.ts `DeployInputs`) with their values, read at deploy time. */
export interface ResolvedDeployInputs {
  /** The AWS role's external ID. */
  readonly awsExternalId?: string;
}

/**
 * Builds one connector's engine from its target: the engine piece of a stack kind's adapter
 * (kinds/). `connector` is the kind's entry of the tenant config.
 */
export type EngineAdapter<C> = (target: EngineTarget, connector: C) => ConnectorEngine;
