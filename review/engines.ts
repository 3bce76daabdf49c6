import type { AwsConnectorConfig } from "../connectors/aws/config";
import type { AzureConnectorConfig } from "../connectors/azure/config";
import type { ConnectorConfig } from "../connectors/catalog";
import type { GcpConnectorConfig } from "../connectors/gcp/config";
import type { GithubConnectorConfig } from "../connectors/github/config";
import type { OktaConnectorConfig } from "../connectors/okta/config";
import type { PingOneConnectorConfig } from "../connectors/pingone/config";
import type { CredentialLifetime } from "../plan/model";
import type { ExtractedGrant } from "./extracted-grant";

/** One connector whose artifact plan synthesizes: the stack `name` of `connector` in `tenant`. */
export interface ExtractionJob {
  readonly tenant: string;
  readonly name: string;
  readonly connector: ConnectorConfig;
}

/** What one connector's artifact says: the grants, and the lifetimes of the credentials it creates. */
export interface ConnectorArtifacts {
  readonly grants: ExtractedGrant[];
  readonly lifetimes: CredentialLifetime[];
}

/**
 * The engines that build the artifacts, each with the connector kinds it builds. Every
 * engine's libraries are loaded only when a job needs it (they take most of a plan's time),
 * so a config without GCP never loads the google provider, and one without Okta never Pulumi.
 */
export const ENGINE_KINDS = {
  "aws-cdk": ["aws"],
  cdktf: ["azure", "gcp", "pingone"],
  pulumi: ["okta"],
  "github-manifest": ["github"],
} as const;

export type Engine = keyof typeof ENGINE_KINDS;
export const ENGINES = Object.keys(ENGINE_KINDS) as Engine[];

/** The engine that builds a connector kind's artifact, or undefined for kinds without one. */
export function engineOf(kind: string): Engine | undefined {
  return ENGINES.find((engine) => (ENGINE_KINDS[engine] as readonly string[]).includes(kind));
}

/** Synthesizes the jobs' artifacts with one engine, exactly as it deploys them; results in job order. */
export async function synthesize(engine: Engine, jobs: readonly ExtractionJob[]): Promise<ConnectorArtifacts[]> {
  if (!jobs.length) return [];
  // The engines record a stack trace for every token (cdktf), promise (Pulumi) and construct,
  // only ever printed in their own debugging output; formatting them stood out in plan profiles.
  // Plan reads artifacts, so traces are left empty while it synthesizes. Errors keep their messages.
  const { prepareStackTrace, stackTraceLimit } = Error;
  Error.prepareStackTrace = () => "";
  Error.stackTraceLimit = 0;
  try {
    return await synthesizeWith(engine, jobs);
  } finally {
    Object.assign(Error, { prepareStackTrace, stackTraceLimit });
  }
}

function synthesizeWith(engine: Engine, jobs: readonly ExtractionJob[]): Promise<ConnectorArtifacts[]> {
  switch (engine) {
    case "aws-cdk":
      return synthesizeAws(jobs);
    case "cdktf":
      return synthesizeCdktf(jobs);
    case "pulumi":
      return synthesizeOkta(jobs);
    case "github-manifest":
      return synthesizeGithub(jobs);
  }
}

/** All AWS stacks in one CDK app, as `cdk synth` builds them. */
async function synthesizeAws(jobs: readonly ExtractionJob[]): Promise<ConnectorArtifacts[]> {
  const { App } = await import("aws-cdk-lib");
  const { InsightsAwsConnectorStack } = await import("../stacks/aws/connector-stack");
  const { awsTemplateGrants } = await import("./extract/aws-cloudformation");
  // Plan reads the templates only: no construct stack traces and no tree.json. Nor the
  // built-in template linter, which only reports (its errors become warnings) and costs
  // seconds in WebAssembly: switched off by its documented variable, CDK_VALIDATION, so
  // the stack's own App for the member-account template skips it too.
  return withEnvironment({ CDK_VALIDATION: "false" }, () => {
    const app = new App({ stackTraces: false, treeMetadata: false });
    for (const { name, connector } of jobs) {
      new InsightsAwsConnectorStack(app, name, { connector: connector as AwsConnectorConfig, stackName: name });
    }
    const assembly = app.synth();
    return jobs.map(({ name, connector }) => {
      const template = assembly.getStackByName(name).template;
      return { grants: awsTemplateGrants(template, connector as AwsConnectorConfig, `${name}.template.json`), lifetimes: [] };
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
 * Entra, GCP and PingOne stacks in one CDKTF app, each synthesized as `cdktf synth` writes it.
 * One synthesis per stack: grants, provider side effects and credential lifetimes come from the same JSON.
 */
async function synthesizeCdktf(jobs: readonly ExtractionJob[]): Promise<ConnectorArtifacts[]> {
  const { Testing } = await import("cdktf");
  const { entraGrants, gcpGrants, pingoneGrants } = await import("./extract/cdktf");
  const { terraformCredentialLifetimes } = await import("./extract/credential-lifetime");
  const { gcpProviderSideEffects } = await import("./extract/provider-side-effects");
  const app = Testing.app({ stackTraces: false });
  const results: ConnectorArtifacts[] = [];
  for (const { name, connector } of jobs) {
    const artifact = `cdktf.out/stacks/${name}/cdk.tf.json`;
    const read = (stack: Parameters<typeof Testing.synth>[0]) => JSON.parse(Testing.synth(stack));
    let json: Parameters<typeof entraGrants>[0];
    let grants: ExtractedGrant[];
    if (connector.kind === "azure") {
      const { InsightsEntraConnectorStack } = await import("../stacks/azure/entra-connector-stack");
      json = read(new InsightsEntraConnectorStack(app, name, { connector: connector as AzureConnectorConfig }));
      grants = entraGrants(json, artifact);
    } else if (connector.kind === "gcp") {
      const { InsightsGcpConnectorStack } = await import("../stacks/gcp/gcp-connector-stack");
      json = read(new InsightsGcpConnectorStack(app, name, { connector: connector as GcpConnectorConfig }));
      grants = [...gcpGrants(json, artifact), ...gcpProviderSideEffects(json, artifact)];
    } else {
      const { InsightsPingOneConnectorStack } = await import("../stacks/pingone/pingone-connector-stack");
      json = read(new InsightsPingOneConnectorStack(app, name, { connector: connector as PingOneConnectorConfig }));
      grants = pingoneGrants(json, artifact);
    }
    results.push({ grants, lifetimes: terraformCredentialLifetimes(json, artifact) });
  }
  return results;
}

/** Each Okta program under Pulumi's mock engine, one after the other (the mocks are process-wide). */
async function synthesizeOkta(jobs: readonly ExtractionJob[]): Promise<ConnectorArtifacts[]> {
  (await import("./pulumi-lazy-typescript")).deferPulumiTypescript();
  const { declareOktaProgram, oktaProgramGrants } = await import("./extract/okta-pulumi");
  const { oktaKeyLifetimes } = await import("./extract/credential-lifetime");
  const results: ConnectorArtifacts[] = [];
  for (const { name, connector } of jobs) {
    const okta = connector as OktaConnectorConfig;
    const declared = await declareOktaProgram(okta, name);
    const artifact = `Pulumi program ${name}`;
    results.push({ grants: oktaProgramGrants(declared, okta, artifact), lifetimes: oktaKeyLifetimes(declared, artifact) });
  }
  return results;
}

/** The GitHub App manifests the registration flow posts. */
async function synthesizeGithub(jobs: readonly ExtractionJob[]): Promise<ConnectorArtifacts[]> {
  const { githubAppManifest } = await import("../connectors/github/app-manifest");
  const { githubManifestGrants } = await import("./extract/github-manifest");
  return jobs.map(({ name, connector }) => {
    const github = connector as GithubConnectorConfig;
    const manifest = githubAppManifest(github, "http://127.0.0.1/callback");
    return { grants: githubManifestGrants(manifest, github, `GitHub App manifest ${name}`), lifetimes: [] };
  });
}
