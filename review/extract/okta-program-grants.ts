import type { OktaConnectorConfig } from "../../connectors/okta/config";
import type { ExtractedGrant } from "../../plan/extracted-grant";
import { oktaAdminRoleAssignmentGrants } from "./okta-admin-role-assignments";
import { oktaApiScopeGrants } from "./okta-api-scopes";
import { oktaCustomRolePermissionGrants } from "./okta-custom-role-permissions";
import type { DeclaredResource } from "./okta-program";
import { oktaResourceSetGrants } from "./okta-resource-sets";

/** The resource families the Okta program grants with, one extractor per family. */
const EXTRACTORS = [
  oktaApiScopeGrants,
  oktaCustomRolePermissionGrants,
  oktaResourceSetGrants,
  oktaAdminRoleAssignmentGrants,
];

/** Okta: scopes, the custom role's permissions, the resource set's resources and admin role assignments. */
export function oktaProgramGrants(
  resources: readonly DeclaredResource[],
  connector: OktaConnectorConfig,
  artifact: string,
): ExtractedGrant[] {
  // In declaration order, resource by resource, as the program declared them (and the plan cache stores them).
  return resources.flatMap((resource) => EXTRACTORS.flatMap((extract) => extract([resource], connector, artifact)));
}
