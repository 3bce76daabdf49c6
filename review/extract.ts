import type { ToolkitConfig } from "../config/types";
import { stackName } from "../connectors/stack-name";
import { engineOf, ENGINES, type Engine, type ExtractionJob } from "./engines";
import type { ExtractedGrant } from "./extracted-grant";
import type { GrantCache } from "./grant-cache";
import { synthesizeEngines } from "./parallel";

/** Extracted grants by `<tenant>\n<kind>\n<name>`; connectors without an artifact are absent. */
export type ExtractedByConnector = Map<string, ExtractedGrant[]>;

export const connectorKey = (tenant: string, kind: string, name: string) => `${tenant}\n${kind}\n${name}`;

export interface ExtractOptions {
  /** Grants extracted before for the same config and code; misses are synthesized and stored. */
  readonly cache?: GrantCache;
  /** Synthesize engines in worker threads when that saves time (default; needs compiled JavaScript). */
  readonly parallel?: boolean;
}

/**
 * Synthesizes every stack of the config, exactly as `cdk synth`, `cdktf synth`, the Pulumi
 * program and the GitHub flow would build them, and reads the grants back out of the
 * artifacts. Offline: no engine CLI, no credential. Only the engines some connector needs
 * are loaded; with a cache, only connectors whose inputs changed are synthesized.
 */
export async function extractGrants(
  config: ToolkitConfig,
  tenantNames?: readonly string[],
  options: ExtractOptions = {},
): Promise<ExtractedByConnector> {
  const extracted: ExtractedByConnector = new Map();
  const put = (job: ExtractionJob, grants: ExtractedGrant[]) =>
    extracted.set(connectorKey(job.tenant, job.connector.kind, job.connector.name), grants);
  const missed = new Map<Engine, ExtractionJob[]>(ENGINES.map((engine) => [engine, []]));
  for (const job of extractionJobs(config, tenantNames)) {
    const cached = options.cache?.get(job);
    if (cached) put(job, cached);
    else missed.get(engineOf(job.connector.kind)!)!.push(job);
  }
  const synthesized = await synthesizeEngines(missed, { threads: options.parallel !== false });
  for (const [engine, jobs] of missed) {
    jobs.forEach((job, i) => {
      const grants = synthesized.get(engine)![i];
      put(job, grants);
      options.cache?.put(job, grants);
    });
  }
  if (options.cache && [...missed.values()].some((jobs) => jobs.length)) options.cache.prune();
  return extracted;
}

/** Every connector of the selected tenants that has an artifact, with its stack name. */
export function extractionJobs(config: ToolkitConfig, tenantNames?: readonly string[]): ExtractionJob[] {
  return config.tenants
    .filter((tenant) => !tenantNames || tenantNames.includes(tenant.name))
    .flatMap((tenant) =>
      tenant.connectors
        .filter((connector) => engineOf(connector.kind))
        .map((connector) => {
          const name = stackName(tenant.name, connector, tenant.connectors);
          return { tenant: tenant.name, name, connector };
        }),
    );
}
