import type { Grant } from "../grant";
import { BT_DOCS, guide } from "../origins";
import type { OktaConnectorConfig } from "./config";

const APP_SECTION = "Create a New App Integration";

/** Okta API scopes granted to the app, with where each is demanded. */
export const OKTA_SCOPES: ReadonlyArray<{ scope: string; origin: string }> = [
  ...[
    "okta.apiTokens.read",
    "okta.apps.read",
    "okta.groups.read",
    "okta.idps.read",
    "okta.logs.read",
    "okta.policies.read",
    "okta.roles.read",
    "okta.users.read",
  ].map((scope) => ({ scope, origin: guide(`${APP_SECTION}, step 8`) })),
  ...["okta.networkZones.read", "okta.orgs.read"].map((scope) => ({
    scope,
    origin: `${BT_DOCS.okta} (Create a new app integration: Okta API Scopes)`,
  })),
];

/** The custom role's only permission: "View roles, resources, and admin assignments". */
export const OKTA_CUSTOM_ROLE_PERMISSION = "okta.iam.read";
/** The guide's label for the resource set's contents. */
export const OKTA_IAM_RESOURCES_LABEL = "All Identity and Access Management resources";
/**
 * Okta Resource Name of "All Identity and Access Management resources". Okta's ORN
 * format is `orn:{partition}:{service}:{orgId}:{objectType}` with `contained_resources`
 * meaning "everything in the container" (developer.okta.com, Role assignment § ORN
 * format); an org's IAM resource-set entry reads back as
 * `orn:okta:iam:<orgId>:contained_resources`. `resourceSetResources` overrides it.
 */
export function oktaIamResourcesOrn(domain: string, orgId: string): string {
  return `orn:${oktaPartition(domain)}:iam:${orgId}:contained_resources`;
}

/** ORN partition: `oktapreview` for preview orgs, `okta` for production. */
export function oktaPartition(domain: string): "okta" | "oktapreview" {
  return /\.oktapreview\.com$/i.test(domain) ? "oktapreview" : "okta";
}

/** Okta's type for the standard Read-only Administrator role. */
export const OKTA_READ_ONLY_ADMIN = "READ_ONLY_ADMIN";

export function oktaGrants(config: OktaConnectorConfig): Grant[] {
  const base = { source: "okta", scope: `okta-org:${config.domain.toLowerCase()}` } as const;
  const grants: Grant[] = OKTA_SCOPES.map(({ scope, origin }) => ({
    ...base,
    kind: "okta-scope",
    name: scope,
    access: "read",
    origin,
  }));
  grants.push({
    ...base,
    kind: "okta-role-permission",
    name: OKTA_CUSTOM_ROLE_PERMISSION,
    access: "read",
    origin: guide("Create a New Role and Resource Set, step 3"),
    note: `custom admin role "${config.customRoleLabel}"`,
  });
  for (const resource of config.resourceSetResources ?? [OKTA_IAM_RESOURCES_LABEL]) {
    grants.push({
      ...base,
      kind: "okta-resource-set",
      name: resource,
      access: "read",
      origin: guide("Create a New Role and Resource Set, step 8"),
      note: `resource set "${config.resourceSetLabel}", assigned with the custom role`,
    });
  }
  grants.push({
    ...base,
    kind: "okta-admin-role",
    name: OKTA_READ_ONLY_ADMIN,
    access: "read",
    origin: guide("Add the Administrator Role to Insights, step 5"),
    note: "standard Read-only Administrator role",
  });
  return grants;
}
