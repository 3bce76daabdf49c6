import type { OktaConnectorConfig } from "../../connectors/okta/config";
import type { ExtractedGrant } from "../../plan/extracted-grant";
import { oktaRolePermissionAccess } from "../access/okta-role-permission";
import { declaredAt, oktaOrgScope, type DeclaredResource } from "./okta-program";

/** Okta: the permissions of the custom admin role (`okta.AdminRoleCustom`). */
export function oktaCustomRolePermissionGrants(
  resources: readonly DeclaredResource[],
  connector: OktaConnectorConfig,
  artifact: string,
): ExtractedGrant[] {
  return resources
    .filter((r) => r.type === "okta:index/adminRoleCustom:AdminRoleCustom")
    .flatMap((r) =>
      (r.inputs.permissions ?? []).map((name: string) => ({
        source: "okta",
        scope: oktaOrgScope(connector),
        kind: "okta-role-permission" as const,
        name,
        access: oktaRolePermissionAccess(name),
        artifact: declaredAt(artifact, r),
      })),
    );
}
