import type { TerraformStack } from "cdktf";
import type { Construct } from "constructs";
import type { AwsConnectorConfig } from "../connectors/aws/config";
import type { AzureConnectorConfig } from "../connectors/azure/config";
import type { ConnectorConfig } from "../connectors/catalog";
import type { GcpConnectorConfig } from "../connectors/gcp/config";
import type { GithubConnectorConfig } from "../connectors/github/config";
import type { OktaConnectorConfig } from "../connectors/okta/config";
import type { PingOneConnectorConfig } from "../connectors/pingone/config";
import type { CredentialLifetime } from "../plan/model";
import type { ExtractedGrant } from "../plan/extracted-grant";
import { CDKTF_KINDS } from "./extract/terraform-json";

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
  cdktf: CDKTF_KINDS,
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
  const { InsightsAwsConnectorStack, awsStackProps } = await import("../stacks/aws/connector-stack");
  const { awsTemplateGrants } = await import("./extract/aws-connector-template");
  // Plan reads the templates only: no construct stack traces and no tree.json. Nor the
  // built-in template linter, which only reports (its errors become warnings) and costs
  // seconds in WebAssembly: switched off by its documented variable, CDK_VALIDATION, so
  // the stack's own App for the member-account template skips it too.
  return withEnvironment({ CDK_VALIDATION: "false" }, () => {
    const app = new App({ stackTraces: false, treeMetadata: false });
    for (const { name, connector } of jobs) {
      new InsightsAwsConnectorStack(app, name, { stackName: name, ...awsStackProps(connector as AwsConnectorConfig) });
    }
    const assembly = app.synth();
    return jobs.map(({ name, connector }) => {
      const template = assembly.getStackByName(name).template;
      return {
        grants: awsTemplateGrants(template, connector as AwsConnectorConfig, `${name}.template.json`),
        lifetimes: [],
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
 * Entra, GCP and PingOne stacks in one CDKTF app, each synthesized as `cdktf synth` writes it.
 * One synthesis per stack: grants, provider side effects and credential lifetimes come from the same JSON.
 */
async function synthesizeCdktf(jobs: readonly ExtractionJob[]): Promise<ConnectorArtifacts[]> {
  const { Testing } = await import("cdktf");
  const { cdktfStackGrants } = await import("./extract/cdktf-stacks");
  const { terraformCredentialLifetimes } = await import("./extract/credential-lifetime");
  const app = Testing.app({ stackTraces: false });
  const results: ConnectorArtifacts[] = [];
  for (const { name, connector } of jobs) {
    const artifact = `cdktf.out/stacks/${name}/cdk.tf.json`;
    const json = JSON.parse(Testing.synth(await cdktfStack(app, name, connector)));
    const kind = connector.kind as (typeof ENGINE_KINDS)["cdktf"][number];
    results.push({
      grants: cdktfStackGrants(kind, json, artifact),
      lifetimes: terraformCredentialLifetimes(json, artifact),
    });
  }
  return results;
}

/** The connector's CDKTF stack in `app`, its engine library loaded on first use. */
async function cdktfStack(app: Construct, name: string, connector: ConnectorConfig): Promise<TerraformStack> {
  if (connector.kind === "azure") {
    const { InsightsEntraConnectorStack, entraStackProps } = await import("../stacks/azure/entra-connector-stack");
    return new InsightsEntraConnectorStack(app, name, entraStackProps(connector as AzureConnectorConfig));
  }
  if (connector.kind === "gcp") {
    const { InsightsGcpConnectorStack, gcpStackProps } = await import("../stacks/gcp/gcp-connector-stack");
    return new InsightsGcpConnectorStack(app, name, gcpStackProps(connector as GcpConnectorConfig));
  }
  const { InsightsPingOneConnectorStack, pingoneStackProps } =
    await import("../stacks/pingone/pingone-connector-stack");
  return new InsightsPingOneConnectorStack(app, name, pingoneStackProps(connector as PingOneConnectorConfig));
}

/** Each Okta program under Pulumi's mock engine, one after the other (the mocks are process-wide). */
async function synthesizeOkta(jobs: readonly ExtractionJob[]): Promise<ConnectorArtifacts[]> {
  (await import("./pulumi-lazy-typescript")).deferPulumiTypescript();
  const { declareOktaProgram } = await import("./extract/okta-program");
  const { oktaProgramGrants } = await import("./extract/okta-program-grants");
  const { oktaKeyLifetimes } = await import("./extract/okta-key-lifetime");
  const results: ConnectorArtifacts[] = [];
  for (const { name, connector } of jobs) {
    const okta = connector as OktaConnectorConfig;
    const declared = await declareOktaProgram(okta, name);
    const artifact = `Pulumi program ${name}`;
    results.push({
      grants: oktaProgramGrants(declared, okta, artifact),
      lifetimes: oktaKeyLifetimes(declared, artifact),
    });
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
