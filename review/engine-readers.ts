import type { EngineName } from "../connectors/kind";
import {
  ARTIFACT_NAMES,
  piecesOf,
  type ArtifactOf,
  type ConnectorArtifacts,
  type ExtractionJob,
  type KindSyntheses,
  type SynthesizedArtifact,
} from "./engines";

type Reader = (
  jobs: readonly ExtractionJob[],
  artifacts: readonly SynthesizedArtifact[],
  syntheses: KindSyntheses,
) => Promise<ConnectorArtifacts[]>;

/** Each engine's way to read grants, credential lifetimes and trust out of its artifacts, whoever made them. */
export const READERS: Readonly<Record<EngineName, Reader>> = {
  "aws-cdk": (jobs, artifacts, syntheses) => readCdk(jobs, artifacts as ArtifactOf<"aws-cdk">[], syntheses),
  cdktf: (jobs, artifacts, syntheses) => readCdktf(jobs, artifacts as ArtifactOf<"cdktf">[], syntheses),
  pulumi: (jobs, artifacts, syntheses) => readPulumi(jobs, artifacts as ArtifactOf<"pulumi">[], syntheses),
  "github-app-manifest": (jobs, artifacts, syntheses) =>
    readManifests(jobs, artifacts as ArtifactOf<"github-app-manifest">[], syntheses),
};

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
