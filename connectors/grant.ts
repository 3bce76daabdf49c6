import { z } from "zod";

/** What the grant lets Insights do. Anything but `read` must be demanded by the guide. */
export const ACCESS_LEVELS = ["read", "write", "admin"] as const;
export type AccessLevel = (typeof ACCESS_LEVELS)[number];

/** The kinds of permission the toolkit can create or ask an administrator to create. */
export const GRANT_KINDS = [
  "trust", // who may assume an identity (AWS role trust)
  "aws-managed-policy",
  "aws-action",
  "aws-stackset-target",
  "graph-app-role", // Microsoft Graph application permission
  "office365-app-role", // Office 365 Management APIs application permission
  "azure-rbac-role",
  "gcp-iam-role",
  "gcp-api", // a Google API enabled on projects
  "okta-scope",
  "okta-admin-role",
  "okta-role-permission",
  "okta-resource-set",
  "pingone-role",
  "github-app-permission",
  "product-permission", // a permission in a BeyondTrust product's admin UI
  "directory-membership", // an on-premises AD group or ACL
  "network-allow", // a firewall rule or IP allow-list entry
] as const;
export type GrantKind = (typeof GRANT_KINDS)[number];

/**
 * One permission the toolkit grants (or has an administrator grant) to Insights.
 * Plan, diff and verify all compare grants by {@link grantKey}.
 */
export const grantSchema = z.strictObject({
  /** Connector kind the grant belongs to (`aws`, `okta`, …). */
  source: z.string(),
  /** Where the grant applies, as `type:id` (`aws-account:111111111111`, `okta-org:acme.okta.com`). */
  scope: z.string(),
  kind: z.enum(GRANT_KINDS),
  /** The permission itself in the vendor's own spelling (`SecurityAudit`, `okta.users.read`). */
  name: z.string(),
  access: z.enum(ACCESS_LEVELS),
  /** Guide section or vendor page that demands it. */
  origin: z.string().min(1),
  /** Catalog group a tenant config may drop (Entra permission groups). */
  group: z.string().optional(),
  /** Condition attached to the grant (`StringEquals sts:ExternalId`). */
  condition: z.string().optional(),
  /** Why a non-read grant or an unusual choice is needed. */
  note: z.string().optional(),
  /** Why the value is not confirmed by an official source yet; plan shows it beside the grant. */
  unconfirmed: z.string().min(1).optional(),
});
export type Grant = z.infer<typeof grantSchema>;

/** Identity of a grant: two grants with the same key are the same permission. */
export function grantKey(g: Pick<Grant, "source" | "scope" | "kind" | "name">): string {
  return [g.source, g.scope, g.kind, g.name].join("|");
}

/** Stable order for output and diffs: by scope, kind, then name. */
export function sortGrants<G extends Pick<Grant, "source" | "scope" | "kind" | "name">>(grants: readonly G[]): G[] {
  return [...grants].sort((a, b) => compareText(grantKey(a), grantKey(b)));
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
