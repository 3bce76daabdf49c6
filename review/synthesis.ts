import type { EngineName } from "../connectors/kind";
import type {
  ConnectorArtifacts,
  ExtractionJob,
  KindSyntheses,
  SynthesizedArtifact,
  SynthesizeOptions,
} from "./engines";
import { READERS } from "./engine-readers";
import { SYNTHESIZERS } from "./engine-synthesizers";

/**
 * Synthesizes the jobs' artifacts with one engine, exactly as it deploys them, and reads the
 * grants and lifetimes back out of them; results in job order. Each engine's libraries load
 * only when a job needs it, so a config without GCP never loads the google provider, and one
 * without Okta never Pulumi.
 */
export async function synthesize(
  engine: EngineName,
  jobs: readonly ExtractionJob[],
  syntheses: KindSyntheses,
  { keep = false }: SynthesizeOptions = {},
): Promise<ConnectorArtifacts[]> {
  const artifacts = await synthesizeArtifacts(engine, jobs, syntheses);
  const read = await readArtifacts(engine, jobs, artifacts, syntheses);
  return keep ? read.map((found, i) => ({ ...found, synthesized: artifacts[i] })) : read;
}

/** The jobs' artifacts of one engine, as data, in job order: nothing is read out of them yet. */
export async function synthesizeArtifacts(
  engine: EngineName,
  jobs: readonly ExtractionJob[],
  syntheses: KindSyntheses,
): Promise<SynthesizedArtifact[]> {
  if (!jobs.length) return [];
  // The engines record a stack trace for every token (cdktf), promise (Pulumi) and construct,
  // only ever printed in their own debugging output; formatting them stood out in plan profiles.
  // Plan reads artifacts, so traces are left empty while it synthesizes. Errors keep their messages.
  const { prepareStackTrace, stackTraceLimit } = Error;
  Error.prepareStackTrace = () => "";
  Error.stackTraceLimit = 0;
  try {
    return await SYNTHESIZERS[engine](jobs, syntheses);
  } finally {
    Object.assign(Error, { prepareStackTrace, stackTraceLimit });
  }
}

/**
 * The grants and credential lifetimes in each job's artifact, read with this code's extractors,
 * whoever made the artifact: this process, or a pull request's head whose artifacts the base's
 * code judges. `artifacts` are in job order, each of `engine`.
 */
export async function readArtifacts(
  engine: EngineName,
  jobs: readonly ExtractionJob[],
  artifacts: readonly SynthesizedArtifact[],
  syntheses: KindSyntheses,
): Promise<ConnectorArtifacts[]> {
  if (!jobs.length) return [];
  const wrong = artifacts.find((artifact) => artifact.engine !== engine);
  if (wrong || artifacts.length !== jobs.length)
    throw new Error(`${jobs.length} ${engine} jobs were given ${artifacts.length} artifacts (${wrong?.engine ?? ""})`);
  return READERS[engine](jobs, artifacts, syntheses);
}
