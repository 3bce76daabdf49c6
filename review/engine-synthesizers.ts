import type { EngineName } from "../connectors/kind";
import { piecesOf, type ArtifactOf, type ExtractionJob, type KindSyntheses, type SynthesizedArtifact } from "./engines";
import type { TerraformJson } from "./extract/terraform-json";
import { inScratchFolder } from "../values/scratch-folder";

type Synthesizer = (jobs: readonly ExtractionJob[], syntheses: KindSyntheses) => Promise<SynthesizedArtifact[]>;

/** Each engine's way to build its kinds' artifacts as data; a new engine fails to compile until it has one. */
export const SYNTHESIZERS: Readonly<Record<EngineName, Synthesizer>> = {
  "aws-cdk": synthesizeCdk,
  cdktf: synthesizeCdktf,
  pulumi: synthesizePulumi,
  "github-app-manifest": synthesizeManifests,
};

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
  return withEnvironment({ CDK_VALIDATION: "false" }, () =>
    inScratchFolder("insights-plan-cdk-", (outdir) => {
      const app = new App({ outdir, stackTraces: false, treeMetadata: false });
      const stacks = jobs.map(({ name, connector }) => ({ name, connector, factory: factories.get(connector.kind)! }));
      addCdkStacks(app, stacks, { nag: false });
      const assembly = app.synth();
      return jobs.map(({ name }) => ({ engine: "aws-cdk", template: assembly.getStackByName(name).template }));
    }),
  );
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
  return inScratchFolder("insights-plan-cdktf-", (outdir) => {
    const app = Testing.app({ outdir, stackTraces: false });
    return jobs.map(({ name, connector }) => ({
      engine: "cdktf",
      terraform: JSON.parse(Testing.synth(factories.get(connector.kind)!(app, name, connector))) as TerraformJson,
    }));
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
