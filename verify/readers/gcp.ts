import type { GcpConnectorConfig } from "../../connectors/gcp/config";
import { gcpApiScopes } from "../../connectors/gcp/api-targets";
import type { ExtractedGrant } from "../../plan/extracted-grant";
import { UnreadableSourceError, type Fact, type ReadContext, type SourceReader } from "../reading";
import { gcpAccessToken } from "./gcp-auth";
import {
  enabledApiGrants,
  keyDrift,
  organizationRoleGrants,
  serviceAccountEmail,
  type IamPolicy,
  type ServiceAccountKey,
  type ServiceUsageService,
} from "./gcp-grants";
import { sourceEndpoint } from "../source-endpoint";
import { gcpRequest } from "./gcp-rest";

/**
 * The APIs' roots. Each may be overridden by gcloud's own endpoint-override properties as
 * environment variables (`CLOUDSDK_API_ENDPOINT_OVERRIDES_<API>`, `gcloud topic configurations`),
 * which is how the tests point the reader at the local fake.
 */
const ROOTS = {
  cloudresourcemanager: "https://cloudresourcemanager.googleapis.com/",
  serviceusage: "https://serviceusage.googleapis.com/",
  iam: "https://iam.googleapis.com/",
} as const;

function rootOf(api: keyof typeof ROOTS, context: ReadContext): string {
  const variable = `CLOUDSDK_API_ENDPOINT_OVERRIDES_${api.toUpperCase()}`;
  const override = context.env[variable];
  if (override) sourceEndpoint(override, variable); // the bearer token goes there
  const root = override || ROOTS[api];
  return root.endsWith("/") ? root : `${root}/`;
}

/** Every page of a `pageToken`-paginated list, with a ceiling on pages. */
async function allPages<I>(
  what: string,
  pageUrl: (token?: string) => string,
  items: (page: any) => I[] | undefined,
  token: string,
  context: ReadContext,
): Promise<I[]> {
  const all: I[] = [];
  let next: string | undefined;
  for (let page = 0; page < 100; page += 1) {
    const answer = await gcpRequest<any>({ what, url: pageUrl(next), accessToken: token }, context);
    all.push(...(items(answer) ?? []));
    next = typeof answer?.nextPageToken === "string" && answer.nextPageToken ? answer.nextPageToken : undefined;
    if (!next) return all;
  }
  throw new UnreadableSourceError(what, "more than 100 pages; stopped");
}

/** The projects whose enabled services verify reads: the connector project and any listed ones. */
function readProjects(connector: GcpConnectorConfig): string[] {
  return gcpApiScopes(connector)
    .filter((s) => s.startsWith("gcp-project:"))
    .map((s) => s.slice("gcp-project:".length));
}

async function enabledServices(project: string, token: string, context: ReadContext): Promise<ExtractedGrant[]> {
  const base = `${rootOf("serviceusage", context)}v1/projects/${encodeURIComponent(project)}/services`;
  const services = await allPages<ServiceUsageService>(
    `serviceusage services.list projects/${project}`,
    (next) =>
      `${base}?filter=${encodeURIComponent("state:ENABLED")}&pageSize=200${
        next ? `&pageToken=${encodeURIComponent(next)}` : ""
      }`,
    (page) => page?.services,
    token,
    context,
  );
  return enabledApiGrants(services, project);
}

/**
 * GCP: the organization IAM policy's roles of the connector's service account, the enabled
 * services of the connector's projects and the age of the account's user-managed keys,
 * read over the REST APIs with Application Default Credentials' service-account key.
 */
export const gcpReader: SourceReader<GcpConnectorConfig> = {
  kind: "gcp",
  async read(connector, context) {
    const { token, account } = await gcpAccessToken(context);
    const email = serviceAccountEmail(connector);
    const org = connector.organizationId;
    const policy = await gcpRequest<IamPolicy>(
      {
        what: `getIamPolicy organizations/${org}`,
        url: `${rootOf("cloudresourcemanager", context)}v3/organizations/${encodeURIComponent(org)}:getIamPolicy`,
        method: "POST",
        body: { json: { options: { requestedPolicyVersion: 3 } } },
        accessToken: token,
      },
      context,
    );
    const grants = organizationRoleGrants(policy, email, org);
    const projects = readProjects(connector);
    for (const project of projects) grants.push(...(await enabledServices(project, token, context)));
    const keysUrl =
      `${rootOf("iam", context)}v1/projects/${encodeURIComponent(connector.project.id)}` +
      `/serviceAccounts/${encodeURIComponent(email).replace("%40", "@")}/keys?keyTypes=USER_MANAGED`;
    const keys = await gcpRequest<{ keys?: ServiceAccountKey[] }>(
      { what: `serviceAccounts.keys.list ${email}`, url: keysUrl, accessToken: token },
      context,
    );
    const facts: Fact[] = [
      { label: "service account", value: email },
      { label: "read as", value: account },
      { label: "user-managed keys", value: String((keys.keys ?? []).length) },
    ];
    if (connector.enableApisOn === "all-projects") {
      facts.push({
        label: "not compared",
        value: `gcp-api @ gcp-organization-projects:${org} (verify reads the connector project's services only)`,
      });
    }
    const scopes = [`gcp-organization:${org}`, ...projects.map((p) => `gcp-project:${p}`)];
    return { grants, scopes, facts, drift: keyDrift(keys.keys ?? [], connector, new Date()) };
  },
};
