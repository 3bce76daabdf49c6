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
}

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
    ) => Omit<ConnectorArtifacts, "trust">;
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

/**
 * Synthesizes the jobs' artifacts with one engine, exactly as it deploys them; results in job
 * order. Each engine's libraries load only when a job needs it, so a config without GCP never
 * loads the google provider, and one without Okta never Pulumi.
 */
export async function synthesize(
  engine: EngineName,
  jobs: readonly ExtractionJob[],
  syntheses: KindSyntheses,
): Promise<ConnectorArtifacts[]> {
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

type Synthesizer = (jobs: readonly ExtractionJob[], syntheses: KindSyntheses) => Promise<ConnectorArtifacts[]>;

/** Each engine's way to build its kinds' artifacts; a new engine fails to compile until it has one. */
const SYNTHESIZERS: Readonly<Record<EngineName, Synthesizer>> = {
  "aws-cdk": synthesizeCdk,
  cdktf: synthesizeCdktf,
  pulumi: synthesizePulumi,
  "github-app-manifest": synthesizeManifests,
};

/** The pieces of each job's kind for `engine`, loaded once per kind. */
async function piecesOf<E extends EngineName>(
  engine: E,
  jobs: readonly ExtractionJob[],
  syntheses: KindSyntheses,
): Promise<Map<string, SynthesisByEngine<ConnectorConfig>[E]>> {
  const kinds = [...new Set(jobs.map((job) => job.connector.kind))];
  const loaded = await Promise.all(
    kinds.map(async (kind) => {
      const synthesis = syntheses[kind] as KindSynthesis<ConnectorConfig, E> | undefined;
      if (!synthesis) throw new Error(`no ${engine} synthesis for connector kind ${kind}`);
      const [stack, extract] = await Promise.all([synthesis.stack(), synthesis.extract()]);
      return [kind, { stack, extract } as SynthesisByEngine<ConnectorConfig>[E]] as const;
    }),
  );
  return new Map(loaded);
}

/** All CDK stacks in one app, built as `cdk synth` builds them, without cdk-nag (plan reads templates only). */
async function synthesizeCdk(jobs: readonly ExtractionJob[], syntheses: KindSyntheses): Promise<ConnectorArtifacts[]> {
  const { App } = await import("aws-cdk-lib");
  const { addCdkStacks } = await import("../stacks/cdk-app");
  const { cloudFormationTrust } = await import("./extract/cloudformation-trust");
  const pieces = await piecesOf("aws-cdk", jobs, syntheses);
  // Plan reads the templates only: no construct stack traces and no tree.json. Nor the
  // built-in template linter, which only reports (its errors become warnings) and costs
  // seconds in WebAssembly: switched off by its documented variable, CDK_VALIDATION, so
  // the stack's own App for the member-account template skips it too.
  return withEnvironment({ CDK_VALIDATION: "false" }, () => {
    const app = new App({ stackTraces: false, treeMetadata: false });
    const stacks = jobs.map(({ name, connector }) => ({ name, connector, factory: pieces.get(connector.kind)!.stack }));
    addCdkStacks(app, stacks, { nag: false });
    const assembly = app.synth();
    return jobs.map(({ name, connector }) => {
      const template = assembly.getStackByName(name).template;
      const artifact = `${name}.template.json`;
      return {
        grants: pieces.get(connector.kind)!.extract(template, connector, artifact),
        lifetimes: [],
        trust: cloudFormationTrust(template, artifact),
      };
    });
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

/**
 * CDKTF stacks in one app, each synthesized as `cdktf synth` writes it. One synthesis per
 * stack: grants, provider side effects and credential lifetimes come from the same JSON.
 */
async function synthesizeCdktf(
  jobs: readonly ExtractionJob[],
  syntheses: KindSyntheses,
): Promise<ConnectorArtifacts[]> {
  const { Testing } = await import("cdktf");
  const { cdktfStackGrants } = await import("./extract/cdktf-stacks");
  const { terraformCredentialLifetimes } = await import("./extract/credential-lifetime");
  const { terraformTrust } = await import("./extract/terraform-trust");
  const pieces = await piecesOf("cdktf", jobs, syntheses);
  const app = Testing.app({ stackTraces: false });
  return jobs.map(({ name, connector }) => {
    const { stack, extract } = pieces.get(connector.kind)!;
    const artifact = `cdktf.out/stacks/${name}/cdk.tf.json`;
    const json: TerraformJson = JSON.parse(Testing.synth(stack(app, name, connector)));
    return {
      grants: cdktfStackGrants(extract, json, artifact),
      lifetimes: terraformCredentialLifetimes(json, artifact),
      trust: terraformTrust(json, artifact),
    };
  });
}

/** Each Pulumi program under the mock engine, one after the other (the mocks are process-wide). */
async function synthesizePulumi(
  jobs: readonly ExtractionJob[],
  syntheses: KindSyntheses,
): Promise<ConnectorArtifacts[]> {
  (await import("./pulumi-lazy-typescript")).deferPulumiTypescript();
  const pieces = await piecesOf("pulumi", jobs, syntheses);
  const results: ConnectorArtifacts[] = [];
  for (const { name, connector } of jobs) {
    const { stack, extract } = pieces.get(connector.kind)!;
    // An Okta API services app has no trust of its own: whoever holds its key acts as it (plan's secrets).
    results.push({ ...extract(await stack(connector, name), connector, `Pulumi program ${name}`), trust: [] });
  }
  return results;
}

/** The GitHub App manifests the registration flow posts. */
async function synthesizeManifests(
  jobs: readonly ExtractionJob[],
  syntheses: KindSyntheses,
): Promise<ConnectorArtifacts[]> {
  const pieces = await piecesOf("github-app-manifest", jobs, syntheses);
  return jobs.map(({ name, connector }) => {
    const { stack, extract } = pieces.get(connector.kind)!;
    // A GitHub App is acted as with its key (plan's secrets); the manifest names no other principal.
    return { grants: extract(stack(connector), connector, `GitHub App manifest ${name}`), lifetimes: [], trust: [] };
  });
}
