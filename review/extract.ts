import { App as CdkApp } from "aws-cdk-lib";
import { Testing, type TerraformStack } from "cdktf";
import type { AwsConnectorConfig } from "../connectors/aws/config";
import type { AzureConnectorConfig } from "../connectors/azure/config";
import type { GcpConnectorConfig } from "../connectors/gcp/config";
import type { GithubConnectorConfig } from "../connectors/github/config";
import type { OktaConnectorConfig } from "../connectors/okta/config";
import type { PingOneConnectorConfig } from "../connectors/pingone/config";
import type { ConnectorConfig } from "../connectors/catalog";
import type { ToolkitConfig } from "../config/types";
import type { CredentialLifetime } from "../plan/model";
import { InsightsAwsConnectorStack } from "../stacks/aws/connector-stack";
import { InsightsEntraConnectorStack } from "../stacks/azure/entra-connector-stack";
import { connectorsOfKind } from "../stacks/connectors-of-kind";
import { InsightsGcpConnectorStack } from "../stacks/gcp/gcp-connector-stack";
import { githubAppManifest } from "../stacks/github/manifest";
import { InsightsPingOneConnectorStack } from "../stacks/pingone/pingone-connector-stack";
import { awsTemplateGrants } from "./extract/aws-cloudformation";
import { entraGrants, gcpGrants, pingoneGrants } from "./extract/cdktf";
import { oktaKeyLifetimes, terraformCredentialLifetimes } from "./extract/credential-lifetime";
import { githubManifestGrants } from "./extract/github-manifest";
import { declareOktaProgram, oktaProgramGrants } from "./extract/okta-pulumi";
import { gcpProviderSideEffects } from "./extract/provider-side-effects";
import type { ExtractedGrant } from "./extracted-grant";

/** Extracted grants by `<tenant>\n<kind>\n<name>`; connectors without an artifact are absent. */
export type ExtractedByConnector = Map<string, ExtractedGrant[]>;

export const connectorKey = (tenant: string, kind: string, name: string) => `${tenant}\n${kind}\n${name}`;

/** What the artifacts say, per connector key: the grants, and the lifetimes of the credentials they create. */
export interface ExtractedArtifacts {
  readonly grants: ExtractedByConnector;
  readonly lifetimes: Map<string, CredentialLifetime[]>;
}

/** The grants alone (see extractArtifacts). */
export async function extractGrants(
  config: ToolkitConfig,
  tenantNames?: readonly string[],
): Promise<ExtractedByConnector> {
  return (await extractArtifacts(config, tenantNames)).grants;
}

/**
 * Synthesizes every stack of the config in this process, exactly as `cdk synth`,
 * `cdktf synth`, the Pulumi program and the GitHub flow would build them, and reads the
 * grants and credential lifetimes back out of the artifacts. Offline: no engine CLI, no credential.
 */
export async function extractArtifacts(
  config: ToolkitConfig,
  tenantNames?: readonly string[],
): Promise<ExtractedArtifacts> {
  const selected: ToolkitConfig = { ...config, tenants: config.tenants.filter((t) => !tenantNames || tenantNames.includes(t.name)) };
  const extracted: ExtractedByConnector = new Map();
  const lifetimes = new Map<string, CredentialLifetime[]>();
  const put = (tenant: string, connector: ConnectorConfig, grants: ExtractedGrant[]) => extracted.set(connectorKey(tenant, connector.kind, connector.name), grants);

  const aws = connectorsOfKind<AwsConnectorConfig>(selected, "aws");
  if (aws.length) {
    const app = new CdkApp();
    for (const { name, connector } of aws) new InsightsAwsConnectorStack(app, name, { connector, stackName: name });
    const assembly = app.synth();
    for (const { name, tenant, connector } of aws) put(tenant, connector, awsTemplateGrants(assembly.getStackByName(name).template, connector, `${name}.template.json`));
  }

  const cdktf = Testing.app();
  // One synthesis per stack: the grants and the credential lifetimes are read from the same JSON.
  const synth = (tenant: string, connector: ConnectorConfig, stack: TerraformStack) => {
    const json = JSON.parse(Testing.synth(stack));
    const artifact = `cdktf.out/stacks/${stack.node.id}/cdk.tf.json`;
    lifetimes.set(connectorKey(tenant, connector.kind, connector.name), terraformCredentialLifetimes(json, artifact));
    return { json, artifact };
  };
  for (const { name, tenant, connector } of connectorsOfKind<AzureConnectorConfig>(selected, "azure")) {
    const { json, artifact } = synth(tenant, connector, new InsightsEntraConnectorStack(cdktf, name, { connector }));
    put(tenant, connector, entraGrants(json, artifact));
  }
  for (const { name, tenant, connector } of connectorsOfKind<GcpConnectorConfig>(selected, "gcp")) {
    const { json, artifact } = synth(tenant, connector, new InsightsGcpConnectorStack(cdktf, name, { connector }));
    put(tenant, connector, [...gcpGrants(json, artifact), ...gcpProviderSideEffects(json, artifact)]);
  }
  for (const { name, tenant, connector } of connectorsOfKind<PingOneConnectorConfig>(selected, "pingone")) {
    const { json, artifact } = synth(tenant, connector, new InsightsPingOneConnectorStack(cdktf, name, { connector }));
    put(tenant, connector, pingoneGrants(json, artifact));
  }
  for (const { name, tenant, connector } of connectorsOfKind<OktaConnectorConfig>(selected, "okta")) {
    const declared = await declareOktaProgram(connector, name);
    put(tenant, connector, oktaProgramGrants(declared, connector, `Pulumi program ${name}`));
    const key = connectorKey(tenant, connector.kind, connector.name);
    lifetimes.set(key, oktaKeyLifetimes(declared, `Pulumi program ${name}`));
  }
  for (const { name, tenant, connector } of connectorsOfKind<GithubConnectorConfig>(selected, "github")) {
    put(tenant, connector, githubManifestGrants(githubAppManifest(connector, "http://127.0.0.1/callback"), connector, `GitHub App manifest ${name}`));
  }
  return { grants: extracted, lifetimes };
}
