import type { ToolkitConfig } from "../config/types";
import { stackNames } from "../connectors/stack-name";
import type { CredentialLifetime } from "../plan/model";
import { engineOf, ENGINES, type ConnectorArtifacts, type Engine, type ExtractionJob } from "./engines";
import type { ExtractedGrant } from "../plan/extracted-grant";
import type { GrantCache } from "./grant-cache";
import { synthesizeEngines } from "./parallel";

/** Extracted grants by `<tenant>\n<kind>\n<name>`; connectors without an artifact are absent. */
export type ExtractedByConnector = Map<string, ExtractedGrant[]>;

export const connectorKey = (tenant: string, kind: string, name: string) => `${tenant}\n${kind}\n${name}`;

/** What the artifacts say, per connector key: the grants, and the lifetimes of the credentials they create. */
export interface ExtractedArtifacts {
  readonly grants: ExtractedByConnector;
  readonly lifetimes: Map<string, CredentialLifetime[]>;
}

export interface ExtractOptions {
  /** Artifacts read before for the same config and code; misses are synthesized and stored. */
  readonly cache?: GrantCache;
  /** Synthesize engines in worker threads when that saves time (default; needs compiled JavaScript). */
  readonly parallel?: boolean;
}

/** The grants alone (see extractArtifacts). */
export async function extractGrants(
  config: ToolkitConfig,
  tenantNames?: readonly string[],
  options: ExtractOptions = {},
): Promise<ExtractedByConnector> {
  return (await extractArtifacts(config, tenantNames, options)).grants;
}

/**
 * Synthesizes every stack of the config, exactly as `cdk synth`, `cdktf synth`, the Pulumi
 * program and the GitHub flow would build them, and reads the grants and credential
 * lifetimes back out of the artifacts. Offline: no engine CLI, no credential. Only the
 * engines some connector needs are loaded; with a cache, only connectors whose inputs
 * changed are synthesized.
 */
export async function extractArtifacts(
  config: ToolkitConfig,
  tenantNames?: readonly string[],
  options: ExtractOptions = {},
): Promise<ExtractedArtifacts> {
  const grants: ExtractedByConnector = new Map();
  const lifetimes = new Map<string, CredentialLifetime[]>();
  const put = (job: ExtractionJob, artifacts: ConnectorArtifacts) => {
    const key = connectorKey(job.tenant, job.connector.kind, job.connector.name);
    grants.set(key, artifacts.grants);
    lifetimes.set(key, artifacts.lifetimes);
  };
  const missed = new Map<Engine, ExtractionJob[]>(ENGINES.map((engine) => [engine, []]));
  for (const job of extractionJobs(config, tenantNames)) {
    const cached = options.cache?.get(job);
    if (cached) put(job, cached);
    else missed.get(engineOf(job.connector.kind)!)!.push(job);
  }
  const synthesized = await synthesizeEngines(missed, { threads: options.parallel !== false });
  for (const [engine, jobs] of missed) {
    jobs.forEach((job, i) => {
      const artifacts = synthesized.get(engine)![i];
      put(job, artifacts);
      options.cache?.put(job, artifacts);
    });
  }
  if (options.cache && [...missed.values()].some((jobs) => jobs.length)) options.cache.prune();
  return { grants, lifetimes };
}

/** Every connector of the selected tenants that has an artifact, with its stack name. */
export function extractionJobs(config: ToolkitConfig, tenantNames?: readonly string[]): ExtractionJob[] {
  return config.tenants
    .filter((tenant) => !tenantNames || tenantNames.includes(tenant.name))
    .flatMap((tenant) => {
      const names = stackNames(tenant.name, tenant.connectors);
      return tenant.connectors
        .map((connector, i) => ({ tenant: tenant.name, name: names[i], connector }))
        .filter((job) => engineOf(job.connector.kind));
    });
}
