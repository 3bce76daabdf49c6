import { AZURE_APIS, type AzureApi } from "../../connectors/azure/permissions";
import type { GrantKind } from "../../connectors/grant";
import type { ExtractedGrant } from "../../plan/extracted-grant";
import { publishedApiLogicalId } from "../../stacks/azure/published-api";
import { entraAppRoleAccess } from "../access/entra-app-role";
import type { TerraformJson } from "./terraform-json";

/** The grant kind of each API's application permissions, as the catalog records them. */
const API_GRANT_KINDS = { graph: "graph-app-role", office365: "office365-app-role" } as const satisfies Record<
  AzureApi,
  GrantKind
>;

/** The API whose service principal lookup has this Terraform name (the construct's own name builder). */
const API_BY_LOOKUP = new Map(
  (Object.keys(AZURE_APIS) as AzureApi[]).map((api) => [publishedApiLogicalId(api), api] as const),
);

/** `${data.azuread_service_principal.<lookup>.app_role_ids["<permission>"]}`, as cdktf writes the lookup. */
const APP_ROLE_REF = /^\$\{data\.azuread_service_principal\.(\w+)\.app_role_ids\["([^"]+)"\]\}$/;

/**
 * The API and permission an app-role ID refers to. A lookup of a service principal the catalog
 * does not know is still a permission: it keeps its Terraform name and is classed as Graph's.
 */
function appRoleOf(reference: unknown): { api: string; permission: string } | undefined {
  const match = APP_ROLE_REF.exec(String(reference));
  if (!match) return undefined;
  return { api: API_BY_LOOKUP.get(match[1]) ?? match[1], permission: match[2] };
}

/**
 * Entra: the application permissions that are both requested (required_resource_access)
 * and consented (an app-role assignment), as Insights gets only those; a permission in
 * one list and not the other is reported with its own artifact, and shows as a difference.
 */
export function entraAppRoleGrants(json: TerraformJson, artifact: string): ExtractedGrant[] {
  const scope = `entra-tenant:${json.provider?.azuread?.[0]?.tenant_id ?? "unknown"}`;
  const requested = new Set<string>();
  for (const app of Object.values(json.resource?.azuread_application ?? {})) {
    for (const access of app.required_resource_access ?? []) {
      for (const entry of access.resource_access ?? []) {
        const role = appRoleOf(entry.id);
        if (role && entry.type === "Role") requested.add(`${role.api}|${role.permission}`);
      }
    }
  }
  const appRole = (api: string, permission: string, condition: string | undefined, at: string): ExtractedGrant => ({
    source: "azure",
    scope,
    kind: API_GRANT_KINDS[api as AzureApi] ?? API_GRANT_KINDS.graph,
    name: permission,
    access: entraAppRoleAccess(permission),
    ...(condition ? { condition } : {}),
    artifact: `${artifact} ${at}`,
  });
  const grants: ExtractedGrant[] = [];
  for (const [address, assignment] of Object.entries(json.resource?.azuread_app_role_assignment ?? {})) {
    const role = appRoleOf(assignment.app_role_id);
    if (!role) continue;
    const consentedAndRequested = requested.delete(`${role.api}|${role.permission}`);
    const condition = consentedAndRequested ? undefined : "consented but not requested";
    grants.push(appRole(role.api, role.permission, condition, `azuread_app_role_assignment.${address}`));
  }
  // Not consented yet, but one click on "Grant admin consent" makes it effective: classed by name all the same.
  for (const left of requested) {
    const [api, permission] = left.split("|");
    grants.push(appRole(api, permission, "requested but not consented", "azuread_application"));
  }
  return grants;
}
