import { mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { ENGINE_NAMES } from "../connectors/kind";
import type { ConnectorKey } from "../plan/connector-key";
import type { PlannedConnector } from "../plan/model";
import { hasStack, type PlannedStack } from "../plan/select";
import { printable } from "../providers/text/printable";
import { UsageError } from "../values/errors";
import { FileRefusedError, readRegularFile } from "../values/regular-file";
import type { ArtifactOf, SynthesizedArtifact } from "./engines";

/**
 * A folder of synthesized artifacts, one JSON file per stack at `<tenant>/<stack>.json`: what a
 * pull request's head writes (`plan --artifacts-dir`) and the base's code reads and judges
 * (`diff --head-artifacts`). The files are data: the reader takes only the stacks its own plan
 * of the head's config names, checks each file's envelope and shape, and never runs anything.
 */

/** Bumped when a file's shape or meaning changes: a reader refuses any other. */
export const ARTIFACTS_VERSION = 1;

/**
 * Bytes of one artifact file. CloudFormation takes a template body of at most 1 MB, and these
 * stacks' Terraform JSON and Pulumi declarations are a few KiB; far above, so a file that big is
 * not a stack of ours but a reader's memory at stake.
 */
export const ARTIFACT_FILE_BYTES = 16 * 1024 * 1024;

/** A folder that cannot be written or read as artifacts; the message lists every problem. */
export class ArtifactFolderError extends UsageError {}

/** Tenant and stack names are slugs (values/fields.ts tenantName, connectors/stack-name.ts): safe as path parts. */
const SLUG = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/;

const anyRecord = z.record(z.string(), z.unknown());
/** What each engine's extractors may rely on; anything beyond is passed through to them. */
const PAYLOADS = {
  "aws-cdk": z.looseObject({
    Parameters: z.record(z.string(), anyRecord).optional(),
    Resources: z.record(z.string(), z.looseObject({ Type: z.string() })),
  }),
  cdktf: z.looseObject({
    resource: z.record(z.string(), anyRecord).optional(),
    data: z.record(z.string(), anyRecord).optional(),
    locals: anyRecord.optional(),
    provider: z.record(z.string(), z.array(z.unknown())).optional(),
  }),
  pulumi: z.array(z.strictObject({ type: z.string(), name: z.string(), inputs: anyRecord })),
  "github-app-manifest": z.looseObject({
    name: z.string(),
    default_permissions: z.record(z.string(), z.string()),
    default_events: z.array(z.string()),
  }),
} as const satisfies Record<SynthesizedArtifact["engine"], z.ZodType>;

const envelopeSchema = z.strictObject({
  artifactsVersion: z.literal(ARTIFACTS_VERSION),
  tenant: z.string(),
  stack: z.string(),
  kind: z.string(),
  engine: z.enum(ENGINE_NAMES),
  artifact: z.unknown(),
});
type Envelope = z.output<typeof envelopeSchema>;

/** Where a stack's artifact lives in the folder. */
export function artifactPath(dir: string, planned: PlannedStack): string {
  const { tenant } = planned;
  const { stackName } = planned.provisioning;
  if (!SLUG.test(tenant) || !SLUG.test(stackName))
    throw new ArtifactFolderError(`${printable(tenant)}/${printable(stackName)} is not a tenant/stack slug`);
  return join(dir, tenant, `${stackName}.json`);
}

/**
 * Writes every artifact of the plan's stacks to a new folder (absent or empty, so no file of an
 * earlier run is mixed in). Each file is written exclusively.
 */
export function writeArtifactFolder(
  dir: string,
  connectors: readonly PlannedConnector[],
  artifacts: ReadonlyMap<ConnectorKey, SynthesizedArtifact>,
): string[] {
  let existing: string[] = [];
  try {
    existing = readdirSync(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  if (existing.length) throw new ArtifactFolderError(`${dir} is not empty: give a new folder for the artifacts`);
  const written: string[] = [];
  for (const planned of connectors.filter(hasStack)) {
    const artifact = artifacts.get(planned.key);
    if (!artifact) throw new Error(`no artifact was kept for ${planned.provisioning.stackName}`);
    const path = artifactPath(dir, planned);
    mkdirSync(join(dir, planned.tenant), { recursive: true });
    writeFileSync(path, `${JSON.stringify(envelopeOf(planned, artifact), null, 2)}\n`, { flag: "wx" });
    written.push(path);
  }
  return written;
}

function envelopeOf(planned: PlannedStack, artifact: SynthesizedArtifact): Envelope {
  return {
    artifactsVersion: ARTIFACTS_VERSION,
    tenant: planned.tenant,
    stack: planned.provisioning.stackName,
    kind: planned.kind,
    engine: artifact.engine,
    artifact: payloadOf(artifact),
  };
}

function payloadOf(artifact: SynthesizedArtifact): unknown {
  switch (artifact.engine) {
    case "aws-cdk":
      return artifact.template;
    case "cdktf":
      return artifact.terraform;
    case "pulumi":
      return artifact.declared;
    case "github-app-manifest":
      return artifact.manifest;
  }
}

/**
 * The artifact of every stack of `connectors` (planned by the reader's own code), read from the
 * folder. A file missing, too large, not JSON, of another tenant, stack, kind or engine than the
 * reader planned, or of a shape its extractors cannot read is refused, all problems at once.
 */
export function readArtifactFolder(
  dir: string,
  connectors: readonly PlannedConnector[],
): Map<ConnectorKey, SynthesizedArtifact> {
  const found = new Map<ConnectorKey, SynthesizedArtifact>();
  const problems: string[] = [];
  for (const planned of connectors.filter(hasStack)) {
    const path = artifactPath(dir, planned);
    try {
      found.set(planned.key, readOne(path, planned));
    } catch (error) {
      if (!(error instanceof ArtifactFolderError || error instanceof FileRefusedError)) throw error;
      problems.push(error instanceof FileRefusedError && error.missing ? `${path}: missing` : error.message);
    }
  }
  if (problems.length)
    throw new ArtifactFolderError(
      `the artifacts in ${dir} cannot be judged:\n${problems.map((p) => `  ${p}`).join("\n")}`,
    );
  return found;
}

function readOne(path: string, planned: PlannedStack): SynthesizedArtifact {
  const text = readRegularFile(path, ARTIFACT_FILE_BYTES).bytes.toString("utf8");
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new ArtifactFolderError(`${path}: not JSON`);
  }
  const envelope = envelopeSchema.safeParse(json);
  if (!envelope.success) throw new ArtifactFolderError(`${path}: not an artifact file of version ${ARTIFACTS_VERSION}`);
  const { tenant, stack, kind, engine, artifact } = envelope.data;
  const wanted = {
    tenant: planned.tenant,
    stack: planned.provisioning.stackName,
    kind: planned.kind,
    engine: planned.provisioning.engine,
  };
  const inFile = { tenant, stack, kind, engine };
  const differs = (Object.keys(wanted) as (keyof typeof wanted)[]).filter((key) => wanted[key] !== inFile[key]);
  if (differs.length) {
    const told = differs.map((key) => `${key} ${JSON.stringify(printable(inFile[key]))}, planned ${wanted[key]}`);
    throw new ArtifactFolderError(`${path}: ${told.join("; ")}`);
  }
  const payload = PAYLOADS[engine].safeParse(artifact);
  if (!payload.success) {
    const [issue] = payload.error.issues;
    const at = printable(issue.path.map(String).join("."));
    throw new ArtifactFolderError(`${path}: not a ${engine} artifact (${at ? `${at}: ` : ""}${issue.message})`);
  }
  return artifactOf(engine, payload.data);
}

/** The checked payload as the engine's artifact: {@link PAYLOADS} checked what its extractors read. */
function artifactOf(engine: SynthesizedArtifact["engine"], payload: unknown): SynthesizedArtifact {
  switch (engine) {
    case "aws-cdk":
      return { engine, template: payload as ArtifactOf<"aws-cdk">["template"] };
    case "cdktf":
      return { engine, terraform: payload as ArtifactOf<"cdktf">["terraform"] };
    case "pulumi":
      return { engine, declared: payload as ArtifactOf<"pulumi">["declared"] };
    case "github-app-manifest":
      return { engine, manifest: payload as ArtifactOf<"github-app-manifest">["manifest"] };
  }
}
