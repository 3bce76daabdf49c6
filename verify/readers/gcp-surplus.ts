import type { ExtractedGrant } from "../../plan/extracted-grant";
import { gcpIamRoleAccess } from "../../review/access/gcp-iam-role";
import { printable } from "../../providers/text/printable";
import type { Drift, Fact } from "../reading";
import type { IamPolicy, ServiceAccountKey } from "./gcp-grants";

/**
 * Cloud Asset's IamPolicySearchResult (googleapis/google-api-go-client, cloudasset/v1/cloudasset-api.json,
 * commit 00b5d839e7390fcec5f5f57628a86e1a6be22833): the full resource name the policy is set on,
 * and only the bindings that match the query.
 */
export interface IamPolicySearchResult {
  resource?: string;
  assetType?: string;
  project?: string;
  organization?: string;
  policy?: IamPolicy;
}

const RESOURCE_MANAGER = "//cloudresourcemanager.googleapis.com/";

/**
 * The scope a policy's resource is in the catalog's vocabulary: `gcp-project:…`, `gcp-folder:…`,
 * `gcp-organization:…`, or the full resource name of anything else (a bucket, a dataset, …).
 */
export function searchResultScope(resource: string): string {
  const container = resource.startsWith(RESOURCE_MANAGER)
    ? /^(projects|folders|organizations)\/([^/]+)$/.exec(resource.slice(RESOURCE_MANAGER.length))
    : null;
  if (!container) return `gcp-resource:${printable(resource)}`;
  const type = { projects: "project", folders: "folder", organizations: "organization" }[container[1] as "projects"];
  return `gcp-${type}:${printable(container[2]!)}`;
}

/**
 * Every binding naming the service account anywhere in the organization but on the organization
 * itself (read fresh by getIamPolicy): a role on a folder, a project or a single resource is no
 * catalog grant, so each is extra, at the level its role classifies it.
 */
export function policySearchGrants(
  results: readonly IamPolicySearchResult[],
  email: string,
  organizationId: string,
): ExtractedGrant[] {
  const member = `serviceAccount:${email}`.toLowerCase();
  const organization = `${RESOURCE_MANAGER}organizations/${organizationId}`;
  return results
    .filter((r) => typeof r.resource === "string" && r.resource !== organization)
    .flatMap((r) =>
      (r.policy?.bindings ?? [])
        .filter((b) => typeof b.role === "string" && (b.members ?? []).some((m) => m.toLowerCase() === member))
        .map((b) => ({
          source: "gcp",
          scope: searchResultScope(r.resource!),
          kind: "gcp-iam-role" as const,
          name: printable(b.role!),
          access: gcpIamRoleAccess(b.role!),
          ...(b.condition?.expression ? { condition: printable(b.condition.expression) } : {}),
          artifact: `Cloud Asset searchAllIamPolicies, ${printable(r.resource!)}`,
        })),
    );
}

/**
 * The service account's own IAM policy says who may act as it: impersonate it
 * (`roles/iam.serviceAccountTokenCreator`, `…User`), mint its keys (`…KeyAdmin`), or change the
 * policy. The stack grants nobody anything there, so every binding that is not read-only is drift
 * at its role's level; a read-only one (a viewer) is only shown.
 */
export function serviceAccountPolicyDrift(policy: IamPolicy, email: string, where: string) {
  const drift: Drift[] = [];
  const readers: string[] = [];
  for (const binding of policy.bindings ?? []) {
    if (typeof binding.role !== "string") continue;
    const role = printable(binding.role);
    const access = gcpIamRoleAccess(binding.role);
    for (const member of binding.members ?? []) {
      if (access === "read") {
        readers.push(`${printable(member)} (${role})`);
        continue;
      }
      const condition = binding.condition?.expression
        ? { detail: `if ${printable(binding.condition.expression)}` }
        : {};
      drift.push({
        change: "extra",
        subject: `${role} for ${printable(member)} on service account ${email}`,
        access,
        ...condition,
        where,
      });
    }
  }
  const facts: Fact[] = readers.length ? [{ label: "may view the service account", value: readers.join(", ") }] : [];
  return { drift, facts };
}

/** The stack's key slots: the key Insights holds and, during a rotation, the next one. */
export const STACK_KEY_SLOTS = 2;

/**
 * User-managed keys the stack cannot have made: an uploaded one (`USER_PROVIDED`; the stack's
 * keys are Google-provided), and enabled keys beyond its two slots, oldest first (the newest are
 * the ones a rotation would hold). Each is a credential to sign in as the connector: admin.
 */
export function extraKeyDrift(keys: readonly ServiceAccountKey[], email: string, where: string): Drift[] {
  const enabled = keys.filter((k) => !k.disabled);
  const idOf = (k: ServiceAccountKey) => printable(k.name?.split("/").pop() ?? "?");
  const uploaded = enabled.filter((k) => k.keyOrigin === "USER_PROVIDED");
  const provided = enabled
    .filter((k) => k.keyOrigin !== "USER_PROVIDED")
    .sort((a, b) => Date.parse(a.validAfterTime ?? "") - Date.parse(b.validAfterTime ?? ""));
  const surplus = provided.slice(0, Math.max(0, provided.length - STACK_KEY_SLOTS));
  const extra = (key: ServiceAccountKey, detail: string): Drift => ({
    change: "extra",
    subject: `service account key ${idOf(key)} of ${email}`,
    access: "admin",
    detail,
    where,
  });
  return [
    ...uploaded.map((k) => extra(k, "uploaded (USER_PROVIDED); the stack's keys are made by Google")),
    ...surplus.map((k) =>
      extra(k, `${provided.length} enabled keys; the stack holds at most ${STACK_KEY_SLOTS} (current and next)`),
    ),
  ];
}
