import type { OktaConnectorConfig } from "../../connectors/okta/config";
import type { ExtractedGrant } from "../../plan/extracted-grant";
import { oktaAdminRoleAccess } from "../access/okta-admin-role";
import { declaredAt, oktaOrgScope, type DeclaredResource } from "./okta-program";

/** Okta: standard admin roles assigned to the service app; a CUSTOM assignment is the custom role's, read apart. */
export function oktaAdminRoleAssignmentGrants(
  resources: readonly DeclaredResource[],
  connector: OktaConnectorConfig,
  artifact: string,
): ExtractedGrant[] {
  return resources
    .filter((r) => r.type === "okta:app/oauthRoleAssignment:OauthRoleAssignment" && r.inputs.type !== "CUSTOM")
    .map((r) => ({
      source: "okta",
      scope: oktaOrgScope(connector),
      kind: "okta-admin-role" as const,
      name: r.inputs.type,
      access: oktaAdminRoleAccess(r.inputs.type),
      artifact: declaredAt(artifact, r),
    }));
}
