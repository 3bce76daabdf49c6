import type { GcpConnectorConfig } from "../../connectors/gcp/config";
import { gcpGrants } from "../../connectors/gcp/grants";
import { gcpApiScopes } from "../../connectors/gcp/api-targets";
import { VENDOR_DOCS } from "../../connectors/origins";
import type { ExtractedGrant } from "../../plan/extracted-grant";
import type { Fact, SourceReader } from "../reading";
import { gcpAccessToken } from "./gcp-auth";
import { enabledApiGrants, keyDrift, organizationRoleGrants, serviceAccountEmail } from "./gcp-grants";
import { gcpReads } from "./gcp-reads";
import { extraKeyDrift, policySearchGrants, serviceAccountPolicyDrift } from "./gcp-surplus";

/** The projects whose enabled services verify reads: the connector project and any listed ones. */
function readProjects(connector: GcpConnectorConfig): string[] {
  return gcpApiScopes(connector)
    .filter((s) => s.startsWith("gcp-project:"))
    .map((s) => s.slice("gcp-project:".length));
}

/** The APIs the catalog enables on one project: the only ones compared there. */
function catalogApis(connector: GcpConnectorConfig, project: string): string[] {
  return gcpGrants(connector)
    .filter((g) => g.kind === "gcp-api" && g.scope === `gcp-project:${project}`)
    .map((g) => g.name);
}

/**
 * GCP: every IAM binding naming the connector's service account (the organization policy, and
 * Cloud Asset's search for folders, projects and resources), who may act as the account (its own
 * IAM policy), its user-managed keys, and the catalog's APIs on the connector's projects. Read
 * over the REST APIs with Application Default Credentials' service-account key.
 */
export const gcpReader: SourceReader<GcpConnectorConfig> = {
  kind: "gcp",
  async read(connector, context) {
    const { token, account } = await gcpAccessToken(context);
    const reads = gcpReads(token, context);
    const email = serviceAccountEmail(connector);
    const org = connector.organizationId;
    const projectId = connector.project.id;
    const grants: ExtractedGrant[] = organizationRoleGrants(await reads.organizationPolicy(org), email, org);
    grants.push(...policySearchGrants(await reads.searchPolicies(org, email), email, org));
    const facts: Fact[] = [
      { label: "service account", value: email },
      { label: "read as", value: account },
    ];
    const projects = readProjects(connector);
    for (const project of projects) {
      const services = enabledApiGrants(await reads.enabledServices(project), project, catalogApis(connector, project));
      grants.push(...services.grants);
      if (services.others.length) {
        facts.push({
          label: `other enabled services, projects/${project}`,
          value:
            `${services.others.length}, not compared: the catalog neither enables nor needs them ` +
            `(Google enables some on every new project: ${VENDOR_DOCS.gcpServicesEnabledByDefault})`,
        });
      }
    }
    const policyAt = `projects/${projectId}/serviceAccounts/${email} IAM policy`;
    const actors = serviceAccountPolicyDrift(await reads.serviceAccountPolicy(projectId, email), email, policyAt);
    const keys = await reads.userManagedKeys(projectId, email);
    const keysAt = "GET …/serviceAccounts/{sa}/keys?keyTypes=USER_MANAGED";
    facts.push({ label: "user-managed keys", value: String(keys.length) }, ...actors.facts);
    if (connector.enableApisOn === "all-projects") {
      facts.push({
        label: "not compared",
        value: `gcp-api @ gcp-organization-projects:${org} (verify reads the connector project's services only)`,
      });
    }
    const scopes = [`gcp-organization:${org}`, ...projects.map((p) => `gcp-project:${p}`)];
    const drift = [...actors.drift, ...keyDrift(keys, connector, new Date()), ...extraKeyDrift(keys, email, keysAt)];
    return { grants, scopes, facts, drift };
  },
};
