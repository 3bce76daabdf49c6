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

/** The name each engine's artifact goes by in grants and reports (what `cdk synth` or `cdktf synth` writes). */
export const ARTIFACT_NAMES: Readonly<Record<EngineName, (stackName: string) => string>> = {
  "aws-cdk": (name) => `${name}.template.json`,
  cdktf: (name) => `cdktf.out/stacks/${name}/cdk.tf.json`,
  pulumi: (name) => `Pulumi program ${name}`,
  "github-app-manifest": (name) => `GitHub App manifest ${name}`,
};

/** One piece of each job's kind for `engine`, loaded once per kind. */
export async function piecesOf<E extends EngineName, P extends "stack" | "extract">(
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
