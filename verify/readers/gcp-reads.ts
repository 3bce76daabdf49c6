import { UnreadableSourceError, type ReadContext } from "../reading";
import type { IamPolicy, ServiceAccountKey, ServiceUsageService } from "./gcp-grants";
import { gcpRequest } from "./gcp-rest";
import { sourceEndpoint } from "../source-endpoint";
import type { IamPolicySearchResult } from "./gcp-surplus";

/**
 * The APIs' roots. Each may be overridden by gcloud's own endpoint-override properties as
 * environment variables (`CLOUDSDK_API_ENDPOINT_OVERRIDES_<API>`, `gcloud topic configurations`),
 * which is how the tests point the reader at the local fake.
 */
const ROOTS = {
  cloudresourcemanager: "https://cloudresourcemanager.googleapis.com/",
  serviceusage: "https://serviceusage.googleapis.com/",
  iam: "https://iam.googleapis.com/",
  cloudasset: "https://cloudasset.googleapis.com/",
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

const withToken = (base: string, next?: string) => (next ? `${base}&pageToken=${encodeURIComponent(next)}` : base);

/** The reads of the GCP reader, each with the permission it needs (docs/verify.md, the allow-list table). */
export function gcpReads(token: string, context: ReadContext) {
  return {
    /** cloudresourcemanager organizations.getIamPolicy (resourcemanager.organizations.getIamPolicy). */
    organizationPolicy: (org: string) =>
      gcpRequest<IamPolicy>(
        {
          what: `getIamPolicy organizations/${org}`,
          url: `${rootOf("cloudresourcemanager", context)}v3/organizations/${encodeURIComponent(org)}:getIamPolicy`,
          method: "POST",
          body: { json: { options: { requestedPolicyVersion: 3 } } },
          accessToken: token,
        },
        context,
      ),

    /** serviceusage services.list with `filter=state:ENABLED` (serviceusage.services.list). */
    enabledServices: (project: string) => {
      const base =
        `${rootOf("serviceusage", context)}v1/projects/${encodeURIComponent(project)}/services` +
        `?filter=${encodeURIComponent("state:ENABLED")}&pageSize=200`;
      return allPages<ServiceUsageService>(
        `serviceusage services.list projects/${project}`,
        (next) => withToken(base, next),
        (page) => page?.services,
        token,
        context,
      );
    },

    /**
     * cloudasset searchAllIamPolicies: `GET v1/{+scope}:searchAllIamPolicies`, `query`
     * `policy:<email>` ("to find IAM policy bindings that specify user …"), pages of at most 500
     * (cloudasset-api.json @ 00b5d839e7390fcec5f5f57628a86e1a6be22833). Needs
     * `cloudasset.assets.searchAllIamPolicies`, which `roles/cloudasset.viewer` holds.
     */
    searchPolicies: (org: string, email: string) => {
      const base =
        `${rootOf("cloudasset", context)}v1/organizations/${encodeURIComponent(org)}:searchAllIamPolicies` +
        `?query=${encodeURIComponent(`policy:${email}`)}&pageSize=500`;
      return allPages<IamPolicySearchResult>(
        `cloudasset searchAllIamPolicies organizations/${org}`,
        (next) => withToken(base, next),
        (page) => page?.results,
        token,
        context,
      );
    },

    /**
     * iam projects.serviceAccounts.getIamPolicy: `POST v1/{+resource}:getIamPolicy` with
     * `options.requestedPolicyVersion` (iam-api.json @ 7f2cf9d6ec65884391850645915bc3752fc61db2).
     * Needs `iam.serviceAccounts.getIamPolicy`.
     */
    serviceAccountPolicy: (project: string, email: string) =>
      gcpRequest<IamPolicy>(
        {
          what: `serviceAccounts.getIamPolicy ${email}`,
          url:
            `${rootOf("iam", context)}v1/projects/${encodeURIComponent(project)}/serviceAccounts/` +
            `${encodeURIComponent(email).replace("%40", "@")}:getIamPolicy?options.requestedPolicyVersion=3`,
          method: "POST",
          accessToken: token,
        },
        context,
      ),

    /** iam projects.serviceAccounts.keys.list, user-managed keys only (iam.serviceAccountKeys.list). */
    userManagedKeys: async (project: string, email: string) => {
      const url =
        `${rootOf("iam", context)}v1/projects/${encodeURIComponent(project)}` +
        `/serviceAccounts/${encodeURIComponent(email).replace("%40", "@")}/keys?keyTypes=USER_MANAGED`;
      const answer = await gcpRequest<{ keys?: ServiceAccountKey[] }>(
        { what: `serviceAccounts.keys.list ${email}`, url, accessToken: token },
        context,
      );
      return answer.keys ?? [];
    },
  };
}
