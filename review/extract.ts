import { ENGINE_NAMES, type EngineName } from "../connectors/kind";
import type { ConnectorKey } from "../plan/connector-key";
import type { ExtractedGrant } from "../plan/extracted-grant";
import type { ActingIdentity, CredentialLifetime, PlannedConnector } from "../plan/model";
import { hasStack, type PlannedStack } from "../plan/select";
import type { ConnectorArtifacts, ExtractionJob, SynthesizedArtifact } from "./engines";
import { readArtifacts } from "./synthesis";
import type { GrantCache } from "./grant-cache";
import { synthesizeEngines, type SynthesisSetup } from "./parallel";

/** Extracted grants by connector key; connectors without an artifact are absent. */
export type ExtractedByConnector = Map<ConnectorKey, ExtractedGrant[]>;

/** What the artifacts say, per connector key: the grants, the lifetimes of the credentials they create, who may act. */
export interface ExtractedArtifacts {
  readonly grants: ExtractedByConnector;
  readonly lifetimes: Map<ConnectorKey, CredentialLifetime[]>;
  readonly trust: Map<ConnectorKey, ActingIdentity[]>;
  /** The artifacts themselves, with `keep`. */
  readonly synthesized?: Map<ConnectorKey, SynthesizedArtifact>;
}

export interface ExtractOptions extends SynthesisSetup {
  /** Artifacts read before for the same config and code; misses are synthesized and stored. */
  readonly cache?: GrantCache;
  /** Synthesize engines in worker threads when that saves time (default; needs compiled JavaScript). */
  readonly parallel?: boolean;
  /**
   * Return every artifact too (`plan --artifacts-dir`). A cache holds no artifact, so every
   * stack is synthesized: what is kept is made by this run.
   */
  readonly keep?: boolean;
}

/** The grants alone (see extractArtifacts). */
export async function extractGrants(
  connectors: readonly PlannedConnector[],
  options: ExtractOptions,
): Promise<ExtractedByConnector> {
  return (await extractArtifacts(connectors, options)).grants;
}

/**
 * Synthesizes the stack of every planned connector that has one, exactly as `cdk synth`,
 * `cdktf synth`, the Pulumi program and the GitHub flow would build it, and reads the grants
 * and credential lifetimes back out of the artifacts. Offline: no engine CLI, no credential.
 * Only the engines some connector needs are loaded; with a cache, only connectors whose inputs
 * changed are synthesized.
 */
export async function extractArtifacts(
  connectors: readonly PlannedConnector[],
  options: ExtractOptions,
): Promise<ExtractedArtifacts> {
  const found = collector(options.keep);
  const cache = options.keep ? undefined : options.cache;
  const missed = new Map<EngineName, PlannedStack[]>(ENGINE_NAMES.map((engine) => [engine, []]));
  for (const planned of connectors.filter(hasStack)) {
    const cached = cache?.get(extractionJob(planned));
    if (cached) found.put(planned, cached);
    else missed.get(planned.provisioning.engine)!.push(planned);
  }
  const jobs = new Map([...missed].map(([engine, list]) => [engine, list.map(extractionJob)]));
  const synthesized = await synthesizeEngines(jobs, { ...options, threads: options.parallel !== false });
  for (const [engine, list] of missed) {
    list.forEach((planned, i) => {
      const artifacts = synthesized.get(engine)![i];
      found.put(planned, artifacts);
      cache?.put(extractionJob(planned), artifacts);
    });
  }
  if (cache && [...missed.values()].some((list) => list.length)) cache.prune();
  return found.result;
}

/**
 * What artifacts made elsewhere say, read with this code's extractors: in a pull request's gate,
 * the head's artifacts (data) read by the base's code, so the head's code never decides what its
 * stacks grant. `artifacts` holds one per connector with a stack; the folder reader checks that.
 */
export async function readSynthesized(
  connectors: readonly PlannedConnector[],
  artifacts: ReadonlyMap<ConnectorKey, SynthesizedArtifact>,
  options: Pick<SynthesisSetup, "syntheses">,
): Promise<ExtractedArtifacts> {
  const found = collector(false);
  for (const engine of ENGINE_NAMES) {
    const planned = connectors.filter(hasStack).filter((c) => c.provisioning.engine === engine);
    const missing = planned.filter((c) => !artifacts.has(c.key));
    if (missing.length) throw new Error(`no artifact for ${missing.map((c) => c.provisioning.stackName).join(", ")}`);
    const given = planned.map((c) => artifacts.get(c.key)!);
    const read = await readArtifacts(engine, planned.map(extractionJob), given, options.syntheses);
    planned.forEach((c, i) => found.put(c, read[i]));
  }
  return found.result;
}

/** The maps {@link ExtractedArtifacts} holds, filled one connector at a time. */
function collector(keep: boolean | undefined) {
  const result = {
    grants: new Map() as ExtractedByConnector,
    lifetimes: new Map<ConnectorKey, CredentialLifetime[]>(),
    trust: new Map<ConnectorKey, ActingIdentity[]>(),
    ...(keep ? { synthesized: new Map<ConnectorKey, SynthesizedArtifact>() } : {}),
  };
  const put = (planned: PlannedStack, artifacts: ConnectorArtifacts) => {
    result.grants.set(planned.key, artifacts.grants);
    result.lifetimes.set(planned.key, artifacts.lifetimes);
    result.trust.set(planned.key, artifacts.trust);
    if (artifacts.synthesized) result.synthesized?.set(planned.key, artifacts.synthesized);
  };
  return { result: result as ExtractedArtifacts, put };
}

/** What synthesizing a planned stack takes (and what its cache entry is addressed by): the carrier's own facts. */
export function extractionJob(planned: PlannedStack): ExtractionJob {
  return { tenant: planned.tenant, name: planned.provisioning.stackName, connector: planned.config };
}
