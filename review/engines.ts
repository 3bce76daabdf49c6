import type { ConnectorConfig } from "../connectors/catalog";
import type { EngineName } from "../connectors/kind";
import type { ActingIdentity, CredentialLifetime } from "../plan/model";
import type { ExtractedGrant } from "../plan/extracted-grant";
import type { GithubAppManifest } from "../providers/github/manifest-flow/manifest";
import type { CdkStackFactory, CdktfStackFactory } from "../stacks/stack-factory";
import type { Template } from "./extract/cloudformation-template";
import type { DeclaredResource } from "./extract/okta-program";
import type { TerraformExtractor, TerraformJson } from "./extract/terraform-json";

/** One connector whose artifact plan synthesizes: the stack `name` of `connector` in `tenant`. */
export interface ExtractionJob {
  readonly tenant: string;
  readonly name: string;
  readonly connector: ConnectorConfig;
}

/** What one connector's artifact says: the grants, the lifetimes of the credentials it creates, and who may act. */
export interface ConnectorArtifacts {
  readonly grants: ExtractedGrant[];
  readonly lifetimes: CredentialLifetime[];
  /** Each identity the artifact creates and who may act as it (review/extract/*-trust.ts). */
  readonly trust: ActingIdentity[];
  /** The artifact itself, when the caller asked to keep it (`plan --artifacts-dir`); never cached. */
  readonly synthesized?: SynthesizedArtifact;
}

/**
 * One connector's artifact as data, exactly what its engine will apply: the CloudFormation
 * template, the Terraform JSON, the resources the Pulumi program declares, the GitHub App
 * manifest. Grants are read out of it here, or, in a pull request's gate, written to a folder
 * by the head's code and read there by the base's (review/artifact-folder.ts).
 */
export type SynthesizedArtifact =
  | { readonly engine: "aws-cdk"; readonly template: Template }
  | { readonly engine: "cdktf"; readonly terraform: TerraformJson }
  | { readonly engine: "pulumi"; readonly declared: readonly DeclaredResource[] }
  | { readonly engine: "github-app-manifest"; readonly manifest: GithubAppManifest };

/** The artifact of one engine. */
export type ArtifactOf<E extends EngineName> = Extract<SynthesizedArtifact, { readonly engine: E }>;

/**
 * How plan builds a kind's artifact (`stack`), exactly as its engine deploys it, and reads the
 * grants back out of it (`extract`), by the engine that applies the kind's stack.
 */
export interface SynthesisByEngine<C> {
  "aws-cdk": {
    readonly stack: CdkStackFactory<C>;
    readonly extract: (template: Template, connector: C, artifact: string) => ExtractedGrant[];
  };
  cdktf: {
    readonly stack: CdktfStackFactory<C>;
    /** One extractor per resource family the stack grants with. */
    readonly extract: readonly TerraformExtractor<ExtractedGrant>[];
  };
  pulumi: {
    /** Runs the kind's program under Pulumi's mock engine and returns what it declared. */
    readonly stack: (connector: C, stackName: string) => Promise<DeclaredResource[]>;
    readonly extract: (
      declared: readonly DeclaredResource[],
      connector: C,
      artifact: string,
    ) => Omit<ConnectorArtifacts, "trust" | "synthesized">;
  };
  "github-app-manifest": {
    /** The manifest the registration flow posts. */
    readonly stack: (connector: C) => GithubAppManifest;
    readonly extract: (manifest: GithubAppManifest, connector: C, artifact: string) => ExtractedGrant[];
  };
}

/** A piece whose module is loaded on first use: the engines' libraries take most of a plan's time. */
export type Load<T> = () => Promise<T>;

/** One kind's pieces for plan, engine `E`'s kind; the kind's adapter (kinds/) supplies them. */
export interface KindSynthesis<C, E extends EngineName> {
  readonly stack: Load<SynthesisByEngine<C>[E]["stack"]>;
  readonly extract: Load<SynthesisByEngine<C>[E]["extract"]>;
}

/** The synthesis of every kind that has a stack, by kind name. */
export type KindSyntheses = Readonly<Record<string, KindSynthesis<any, EngineName>>>;

/** How to synthesize: `keep` returns each artifact with what was read from it. */
export interface SynthesizeOptions {
  readonly keep?: boolean;
}

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

type Synthesizer = (jobs: readonly ExtractionJob[], syntheses: KindSyntheses) => Promise<SynthesizedArtifact[]>;
type Reader = (
  jobs: readonly ExtractionJob[],
  artifacts: readonly SynthesizedArtifact[],
  syntheses: KindSyntheses,
) => Promise<ConnectorArtifacts[]>;

/** Each engine's way to build its kinds' artifacts; a new engine fails to compile until it has one. */
const SYNTHESIZERS: Readonly<Record<EngineName, Synthesizer>> = {
  "aws-cdk": synthesizeCdk,
  cdktf: synthesizeCdktf,
  pulumi: synthesizePulumi,
  "github-app-manifest": synthesizeManifests,
};

/** Each engine's way to read grants and lifetimes out of its artifacts. */
const READERS: Readonly<Record<EngineName, Reader>> = {
  "aws-cdk": (jobs, artifacts, syntheses) => readCdk(jobs, artifacts as ArtifactOf<"aws-cdk">[], syntheses),
  cdktf: (jobs, artifacts, syntheses) => readCdktf(jobs, artifacts as ArtifactOf<"cdktf">[], syntheses),
  pulumi: (jobs, artifacts, syntheses) => readPulumi(jobs, artifacts as ArtifactOf<"pulumi">[], syntheses),
  "github-app-manifest": (jobs, artifacts, syntheses) =>
    readManifests(jobs, artifacts as ArtifactOf<"github-app-manifest">[], syntheses),
};

/** The name each engine's artifact goes by in grants and reports (what `cdk synth` or `cdktf synth` writes). */
export const ARTIFACT_NAMES: Readonly<Record<EngineName, (stackName: string) => string>> = {
  "aws-cdk": (name) => `${name}.template.json`,
  cdktf: (name) => `cdktf.out/stacks/${name}/cdk.tf.json`,
  pulumi: (name) => `Pulumi program ${name}`,
  "github-app-manifest": (name) => `GitHub App manifest ${name}`,
};

/** One piece of each job's kind for `engine`, loaded once per kind. */
async function piecesOf<E extends EngineName, P extends "stack" | "extract">(
  engine: E,
  piece: P,
  jobs: readonly ExtractionJob[],
  syntheses: KindSyntheses,
): Promise<Map<string, SynthesisByEngine<ConnectorConfig>[E][P]>> {
  const kinds = [...new Set(jobs.map((job) => job.connector.kind))];
  const loaded = await Promise.all(
    kinds.map(async (kind) => {
      const synthesis = syntheses[kind] as KindSynthesis<ConnectorConfig, E> | undefined;
      if (!synthesis) throw new Error(`no ${engine} synthesis for connector kind ${kind}`);
      return [kind, (await synthesis[piece]()) as SynthesisByEngine<ConnectorConfig>[E][P]] as const;
    }),
  );
  return new Map(loaded);
}

/** All CDK stacks in one app, built as `cdk synth` builds them, without cdk-nag (plan reads templates only). */
async function synthesizeCdk(
  jobs: readonly ExtractionJob[],
  syntheses: KindSyntheses,
): Promise<ArtifactOf<"aws-cdk">[]> {
  const { App } = await import("aws-cdk-lib");
  const { addCdkStacks } = await import("../stacks/cdk-app");
  const factories = await piecesOf("aws-cdk", "stack", jobs, syntheses);
  // Plan reads the templates only: no construct stack traces and no tree.json. Nor the
  // built-in template linter, which only reports (its errors become warnings) and costs
  // seconds in WebAssembly: switched off by its documented variable, CDK_VALIDATION, so
  // the stack's own App for the member-account template skips it too.
  return withEnvironment({ CDK_VALIDATION: "false" }, () => {
    const app = new App({ stackTraces: false, treeMetadata: false });
    const stacks = jobs.map(({ name, connector }) => ({ name, connector, factory: factories.get(connector.kind)! }));
    addCdkStacks(app, stacks, { nag: false });
    const assembly = app.synth();
    return jobs.map(({ name }) => ({ engine: "aws-cdk", template: assembly.getStackByName(name).template }));
  });
}

async function readCdk(
  jobs: readonly ExtractionJob[],
  artifacts: readonly ArtifactOf<"aws-cdk">[],
  syntheses: KindSyntheses,
): Promise<ConnectorArtifacts[]> {
  const { cloudFormationTrust } = await import("./extract/cloudformation-trust");
  const extractors = await piecesOf("aws-cdk", "extract", jobs, syntheses);
  return jobs.map(({ name, connector }, i) => {
    const { template } = artifacts[i];
    const artifact = ARTIFACT_NAMES["aws-cdk"](name);
    return {
      grants: extractors.get(connector.kind)!(template, connector, artifact),
      lifetimes: [],
      trust: cloudFormationTrust(template, artifact),
    };
  });
}

/** Runs `fn` with the variables set, restoring the environment afterwards. */
function withEnvironment<T>(variables: Record<string, string>, fn: () => T): T {
  const before = Object.fromEntries(Object.keys(variables).map((name) => [name, process.env[name]]));
  Object.assign(process.env, variables);
  try {
    return fn();
  } finally {
    for (const [name, value] of Object.entries(before)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
}

/** CDKTF stacks in one app, each synthesized as `cdktf synth` writes it. */
async function synthesizeCdktf(
  jobs: readonly ExtractionJob[],
  syntheses: KindSyntheses,
): Promise<ArtifactOf<"cdktf">[]> {
  const { Testing } = await import("cdktf");
  const factories = await piecesOf("cdktf", "stack", jobs, syntheses);
  const app = Testing.app({ stackTraces: false });
  return jobs.map(({ name, connector }) => ({
    engine: "cdktf",
    terraform: JSON.parse(Testing.synth(factories.get(connector.kind)!(app, name, connector))) as TerraformJson,
  }));
}

/** Grants, provider side effects and credential lifetimes of each stack, all from its one Terraform JSON. */
async function readCdktf(
  jobs: readonly ExtractionJob[],
  artifacts: readonly ArtifactOf<"cdktf">[],
  syntheses: KindSyntheses,
): Promise<ConnectorArtifacts[]> {
  const { cdktfStackGrants } = await import("./extract/cdktf-stacks");
  const { terraformCredentialLifetimes } = await import("./extract/credential-lifetime");
  const { terraformTrust } = await import("./extract/terraform-trust");
  const extractors = await piecesOf("cdktf", "extract", jobs, syntheses);
  return jobs.map(({ name, connector }, i) => {
    const artifact = ARTIFACT_NAMES.cdktf(name);
    const json = artifacts[i].terraform;
    return {
      grants: cdktfStackGrants(extractors.get(connector.kind)!, json, artifact),
      lifetimes: terraformCredentialLifetimes(json, artifact),
      trust: terraformTrust(json, artifact),
    };
  });
}

/** Each Pulumi program under the mock engine, one after the other (the mocks are process-wide). */
async function synthesizePulumi(
  jobs: readonly ExtractionJob[],
  syntheses: KindSyntheses,
): Promise<ArtifactOf<"pulumi">[]> {
  (await import("./pulumi-lazy-typescript")).deferPulumiTypescript();
  const programs = await piecesOf("pulumi", "stack", jobs, syntheses);
  const results: ArtifactOf<"pulumi">[] = [];
  for (const { name, connector } of jobs)
    results.push({ engine: "pulumi", declared: await programs.get(connector.kind)!(connector, name) });
  return results;
}

async function readPulumi(
  jobs: readonly ExtractionJob[],
  artifacts: readonly ArtifactOf<"pulumi">[],
  syntheses: KindSyntheses,
): Promise<ConnectorArtifacts[]> {
  const extractors = await piecesOf("pulumi", "extract", jobs, syntheses);
  // An Okta API services app has no trust of its own: whoever holds its key acts as it (plan's secrets).
  return jobs.map(({ name, connector }, i) => ({
    ...extractors.get(connector.kind)!(artifacts[i].declared, connector, ARTIFACT_NAMES.pulumi(name)),
    trust: [],
  }));
}

/** The GitHub App manifests the registration flow posts. */
async function synthesizeManifests(
  jobs: readonly ExtractionJob[],
  syntheses: KindSyntheses,
): Promise<ArtifactOf<"github-app-manifest">[]> {
  const manifests = await piecesOf("github-app-manifest", "stack", jobs, syntheses);
  return jobs.map(({ connector }) => ({
    engine: "github-app-manifest",
    manifest: manifests.get(connector.kind)!(connector),
  }));
}

async function readManifests(
  jobs: readonly ExtractionJob[],
  artifacts: readonly ArtifactOf<"github-app-manifest">[],
  syntheses: KindSyntheses,
): Promise<ConnectorArtifacts[]> {
  const extractors = await piecesOf("github-app-manifest", "extract", jobs, syntheses);
  // A GitHub App is acted as with its key (plan's secrets); the manifest names no other principal.
  return jobs.map(({ name, connector }, i) => ({
    grants: extractors.get(connector.kind)!(
      artifacts[i].manifest,
      connector,
      ARTIFACT_NAMES["github-app-manifest"](name),
    ),
    lifetimes: [],
    trust: [],
  }));
}
