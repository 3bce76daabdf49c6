import { App as CdkApp } from "aws-cdk-lib";
import { Testing } from "cdktf";
import type { AwsConnectorConfig } from "../connectors/aws/config";
import type { AzureConnectorConfig } from "../connectors/azure/config";
import type { GcpConnectorConfig } from "../connectors/gcp/config";
import type { GithubConnectorConfig } from "../connectors/github/config";
import type { OktaConnectorConfig } from "../connectors/okta/config";
import type { PingOneConnectorConfig } from "../connectors/pingone/config";
import type { ConnectorConfig } from "../connectors/catalog";
import type { ToolkitConfig } from "../config/types";
import { InsightsAwsConnectorStack } from "../stacks/aws/connector-stack";
import { InsightsEntraConnectorStack } from "../stacks/azure/entra-connector-stack";
import { connectorsOfKind } from "../stacks/connectors-of-kind";
import { InsightsGcpConnectorStack } from "../stacks/gcp/gcp-connector-stack";
import { githubAppManifest } from "../stacks/github/manifest";
import { InsightsPingOneConnectorStack } from "../stacks/pingone/pingone-connector-stack";
import { awsTemplateGrants } from "./extract/aws-cloudformation";
import { entraGrants, gcpGrants, pingoneGrants } from "./extract/cdktf";
import { githubManifestGrants } from "./extract/github-manifest";
import { declareOktaProgram, oktaProgramGrants } from "./extract/okta-pulumi";
import type { ExtractedGrant } from "./extracted-grant";

/** Extracted grants by `<tenant>\n<kind>\n<name>`; connectors without an artifact are absent. */
export type ExtractedByConnector = Map<string, ExtractedGrant[]>;

export const connectorKey = (tenant: string, kind: string, name: string) => `${tenant}\n${kind}\n${name}`;

/**
 * Synthesizes every stack of the config in this process, exactly as `cdk synth`,
 * `cdktf synth`, the Pulumi program and the GitHub flow would build them, and reads the
 * grants back out of the artifacts. Offline: no engine CLI, no credential.
 */
export async function extractGrants(config: ToolkitConfig, tenantNames?: readonly string[]): Promise<ExtractedByConnector> {
  const selected: ToolkitConfig = { ...config, tenants: config.tenants.filter((t) => !tenantNames || tenantNames.includes(t.name)) };
  const extracted: ExtractedByConnector = new Map();
  const put = (tenant: string, connector: ConnectorConfig, grants: ExtractedGrant[]) => extracted.set(connectorKey(tenant, connector.kind, connector.name), grants);

  const aws = connectorsOfKind<AwsConnectorConfig>(selected, "aws");
  if (aws.length) {
    const app = new CdkApp();
    for (const { name, connector } of aws) new InsightsAwsConnectorStack(app, name, { connector, stackName: name });
    const assembly = app.synth();
    for (const { name, tenant, connector } of aws) put(tenant, connector, awsTemplateGrants(assembly.getStackByName(name).template, connector, `${name}.template.json`));
  }

  const cdktf = Testing.app();
  for (const { name, tenant, connector } of connectorsOfKind<AzureConnectorConfig>(selected, "azure")) {
    put(tenant, connector, entraGrants(JSON.parse(Testing.synth(new InsightsEntraConnectorStack(cdktf, name, { connector }))), `cdktf.out/stacks/${name}/cdk.tf.json`));
  }
  for (const { name, tenant, connector } of connectorsOfKind<GcpConnectorConfig>(selected, "gcp")) {
    put(tenant, connector, gcpGrants(JSON.parse(Testing.synth(new InsightsGcpConnectorStack(cdktf, name, { connector }))), `cdktf.out/stacks/${name}/cdk.tf.json`));
  }
  for (const { name, tenant, connector } of connectorsOfKind<PingOneConnectorConfig>(selected, "pingone")) {
    put(tenant, connector, pingoneGrants(JSON.parse(Testing.synth(new InsightsPingOneConnectorStack(cdktf, name, { connector }))), `cdktf.out/stacks/${name}/cdk.tf.json`));
  }
  for (const { name, tenant, connector } of connectorsOfKind<OktaConnectorConfig>(selected, "okta")) {
    put(tenant, connector, oktaProgramGrants(await declareOktaProgram(connector, name), connector, `Pulumi program ${name}`));
  }
  for (const { name, tenant, connector } of connectorsOfKind<GithubConnectorConfig>(selected, "github")) {
    put(tenant, connector, githubManifestGrants(githubAppManifest(connector, "http://127.0.0.1/callback"), connector, `GitHub App manifest ${name}`));
  }
  return extracted;
}
