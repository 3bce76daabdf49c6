import type { Grant } from "../grant";
import { oktaPageScopeOrigin } from "../bt-docs-quotes";
import { guide } from "../origins";
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
  ...(["okta.networkZones.read", "okta.orgs.read"] as const).map((scope) => ({
    scope,
    origin: oktaPageScopeOrigin(scope),
  })),
];

/** The custom role's only permission: "View roles, resources, and admin assignments". */
export const OKTA_CUSTOM_ROLE_PERMISSION = "okta.iam.read";
/** The guide's label for the resource set's contents. */
export const OKTA_IAM_RESOURCES_LABEL = "All Identity and Access Management resources";
/**
 * Okta Resource Name used for "All Identity and Access Management resources". The
 * evidence, and why it is not enough to call the value confirmed:
 * - Okta's ORN format is `orn:{partition}:{service}:{orgId}:…`, `contained_resources`
 *   meaning everything in the container (developer.okta.com/docs/concepts/role-assignment,
 *   "ORN format"); but that page's "Supported resources" table lists the services
 *   `directory`, `idp`, `workflow` and `governance` only, no `iam`. Its permission table
 *   does say `okta.iam.read` applies to "All Identity and access management resources".
 * - okta/terraform-provider-okta `docs/resources/resource_set.md`
 *   (1cb4ea0703be8b430ec7a745e35f99f97f535748) lists apps, groups and users only.
 * - A third-party collector that reads resource sets back, SpecterOps/OktaHound
 *   `Src/SpecterOps.OktaHound/OktaClient.LinkedEntities.cs` line 501
 *   (7a46d4f2fe4110b3b9e4065ed9e3dbbf635383f3), shows an "Identity and access management"
 *   entry as `orn:okta:iam:<orgId>:contained_resources`: observed, not documented.
 * So the grant carries {@link OKTA_IAM_ORN_UNCONFIRMED} until Okta documents it;
 * `resourceSetResources` overrides the value.
 */
export function oktaIamResourcesOrn(domain: string, orgId: string): string {
  return `orn:${oktaPartition(domain)}:iam:${orgId}:contained_resources`;
}

/** Why plan marks the default resource-set entry unconfirmed. */
export const OKTA_IAM_ORN_UNCONFIRMED =
  "Okta's Supported resources table lists no `iam` service; orn:<partition>:iam:<orgId>:contained_resources " +
  "is taken from a resource set read back by a third-party tool (SpecterOps/OktaHound), not from Okta's docs. " +
  "Check it in the Admin Console after the first apply, or set resourceSetResources";

/** ORN partition: `oktapreview` for preview orgs, `okta` for production. */
export function oktaPartition(domain: string): "okta" | "oktapreview" {
  return /\.oktapreview\.com$/i.test(domain) ? "oktapreview" : "okta";
}

/**
 * The guide's "Select Public key / Private key next to Client authentication" ("Create a New App
 * Integration", step 4) as Okta's `token_endpoint_auth_method`. With it the app needs no client
 * secret, so verify reads any other method, and any active secret, as a way in the catalog never gave.
 */
export const OKTA_CLIENT_AUTHENTICATION = "private_key_jwt";

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
  const resourceSet = {
    ...base,
    kind: "okta-resource-set",
    access: "read",
    origin: guide("Create a New Role and Resource Set, step 8"),
    note: `resource set "${config.resourceSetLabel}", assigned with the custom role`,
  } as const;
  if (config.resourceSetResources) {
    grants.push(...config.resourceSetResources.map((resource) => ({ ...resourceSet, name: resource })));
  } else {
    grants.push({ ...resourceSet, name: OKTA_IAM_RESOURCES_LABEL, unconfirmed: OKTA_IAM_ORN_UNCONFIRMED });
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
