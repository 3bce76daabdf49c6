import { ENGINE_NAMES, type EngineName } from "../connectors/kind";
import type { ConnectorKey } from "../plan/connector-key";
import type { ExtractedGrant } from "../plan/extracted-grant";
import type { ActingIdentity, CredentialLifetime, PlannedConnector } from "../plan/model";
import { hasStack, type PlannedStack } from "../plan/select";
import type { ConnectorArtifacts, ExtractionJob } from "./engines";
import type { GrantCache } from "./grant-cache";
import { synthesizeEngines, type SynthesisSetup } from "./parallel";

/** Extracted grants by connector key; connectors without an artifact are absent. */
export type ExtractedByConnector = Map<ConnectorKey, ExtractedGrant[]>;

/** What the artifacts say, per connector key: the grants, the lifetimes of the credentials they create, who may act. */
export interface ExtractedArtifacts {
  readonly grants: ExtractedByConnector;
  readonly lifetimes: Map<ConnectorKey, CredentialLifetime[]>;
  readonly trust: Map<ConnectorKey, ActingIdentity[]>;
}

export interface ExtractOptions extends SynthesisSetup {
  /** Artifacts read before for the same config and code; misses are synthesized and stored. */
  readonly cache?: GrantCache;
  /** Synthesize engines in worker threads when that saves time (default; needs compiled JavaScript). */
  readonly parallel?: boolean;
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
  const grants: ExtractedByConnector = new Map();
  const lifetimes = new Map<ConnectorKey, CredentialLifetime[]>();
  const trust = new Map<ConnectorKey, ActingIdentity[]>();
  const put = (planned: PlannedStack, artifacts: ConnectorArtifacts) => {
    grants.set(planned.key, artifacts.grants);
    lifetimes.set(planned.key, artifacts.lifetimes);
    trust.set(planned.key, artifacts.trust);
  };
  const missed = new Map<EngineName, PlannedStack[]>(ENGINE_NAMES.map((engine) => [engine, []]));
  for (const planned of connectors.filter(hasStack)) {
    const cached = options.cache?.get(extractionJob(planned));
    if (cached) put(planned, cached);
    else missed.get(planned.provisioning.engine)!.push(planned);
  }
  const jobs = new Map([...missed].map(([engine, list]) => [engine, list.map(extractionJob)]));
  const synthesized = await synthesizeEngines(jobs, { ...options, threads: options.parallel !== false });
  for (const [engine, list] of missed) {
    list.forEach((planned, i) => {
      const artifacts = synthesized.get(engine)![i];
      put(planned, artifacts);
      options.cache?.put(extractionJob(planned), artifacts);
    });
  }
  if (options.cache && [...missed.values()].some((list) => list.length)) options.cache.prune();
  return { grants, lifetimes, trust };
}

/** What synthesizing a planned stack takes (and what its cache entry is addressed by): the carrier's own facts. */
export function extractionJob(planned: PlannedStack): ExtractionJob {
  return { tenant: planned.tenant, name: planned.provisioning.stackName, connector: planned.config };
}
