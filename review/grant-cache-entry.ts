import { z } from "zod";
import { grantSchema } from "../connectors/grant";
import type { ConnectorArtifacts } from "./engines";

/** Bumped whenever an entry's shape or meaning changes: older entries are then misses. */
export const ENTRY_FORMAT = 4;

/** An entry's file name: its address (a SHA-256 in hex) and `.json`. */
export const ENTRY_NAME = /^[0-9a-f]{64}\.json$/;
/** A write of an entry cut short: values/durable-write.ts names its temporary files `.<name>.<32 hex>.tmp`. */
export const INTERRUPTED_WRITE_NAME = /^\.[0-9a-f]{64}\.json\.[0-9a-f]{32}\.tmp$/;

const extractedGrant = grantSchema
  .pick({ source: true, scope: true, kind: true, name: true, access: true, condition: true })
  .extend({ artifact: z.string() })
  .strict();

const credentialLifetime = z.strictObject({
  credential: z.string(),
  rotationDays: z.number().optional(),
  validDays: z.number().optional(),
  previousValidDays: z.number(),
  previousUntilRegistered: z.boolean().optional(),
  artifact: z.string(),
});

const trustRelation = z.strictObject({
  type: z.enum(["aws-principal", "aws-service", "federated", "federated-credential", "impersonation"]),
  principal: z.string(),
  account: z.string().optional(),
  conditions: z.array(z.string()).readonly(),
});

const actingIdentity = z.strictObject({
  identity: z.string(),
  trustedBy: z.array(trustRelation).readonly(),
  permissionsBoundary: z.string().optional(),
  maxSessionSeconds: z.number().optional(),
  owners: z.array(z.string()).readonly().optional(),
  artifact: z.string(),
});

/**
 * One cache entry. `computedFrom` holds what the grants were computed from, as hashes (no
 * config value is stored): the code fingerprint and the job (tenant, stack name, connector
 * config). A read checks both against the job at hand, so an entry is believed for the job
 * it was computed for, not for the file name it happens to have.
 */
const entrySchema = z.strictObject({
  format: z.literal(ENTRY_FORMAT),
  computedFrom: z.strictObject({ code: z.string(), job: z.string() }),
  grants: z.array(extractedGrant),
  lifetimes: z.array(credentialLifetime),
  trust: z.array(actingIdentity),
});
export type GrantCacheEntry = z.output<typeof entrySchema>;

/** The artifacts of an entry computed from exactly `computedFrom`; undefined for anything else. */
export function artifactsOf(
  text: string,
  computedFrom: GrantCacheEntry["computedFrom"],
): ConnectorArtifacts | undefined {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return undefined; // a torn or foreign file is a miss; the next put replaces it
  }
  const entry = entrySchema.safeParse(json);
  if (!entry.success) return undefined;
  const { code, job } = entry.data.computedFrom;
  if (code !== computedFrom.code || job !== computedFrom.job) return undefined;
  const { grants, lifetimes, trust } = entry.data;
  return { grants, lifetimes, trust } as ConnectorArtifacts;
}

export function entryText(computedFrom: GrantCacheEntry["computedFrom"], artifacts: ConnectorArtifacts): string {
  const { grants, lifetimes, trust } = artifacts;
  const entry: GrantCacheEntry = { format: ENTRY_FORMAT, computedFrom, grants, lifetimes, trust };
  return `${JSON.stringify(entry)}\n`;
}
