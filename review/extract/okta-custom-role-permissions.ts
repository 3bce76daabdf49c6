import type { OktaConnectorConfig } from "../../connectors/okta/config";
import type { ExtractedGrant } from "../../plan/extracted-grant";
import { oktaRolePermissionAccess } from "../access/okta-role-permission";
import { listInputGrants, type DeclaredResource } from "./okta-program";

/** Okta: the permissions of the custom admin role (`okta.AdminRoleCustom`). */
export function oktaCustomRolePermissionGrants(
  resources: readonly DeclaredResource[],
  connector: OktaConnectorConfig,
  artifact: string,
): ExtractedGrant[] {
  const family = {
    type: "okta:index/adminRoleCustom:AdminRoleCustom",
    input: "permissions",
    kind: "okta-role-permission",
    access: oktaRolePermissionAccess,
  } as const;
  return listInputGrants(family, resources, connector, artifact);
}
