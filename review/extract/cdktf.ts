import { azureRbacRoleAccess } from "../access/azure-rbac-role";
import { entraAppRoleAccess } from "../access/entra-app-role";
import { gcpApiAccess } from "../access/gcp-api";
import { gcpIamRoleAccess } from "../access/gcp-iam-role";
import { pingoneRoleAccess } from "../access/pingone-role";
import type { ExtractedGrant } from "../../plan/extracted-grant";

type TfJson = {
  resource?: Record<string, Record<string, any>>;
  data?: Record<string, Record<string, any>>;
  locals?: Record<string, unknown>;
  provider?: Record<string, any[]>;
};

const APP_ROLE_REF = /^\$\{data\.azuread_service_principal\.(\w+)_service_principal\.app_role_ids\["([^"]+)"\]\}$/;
const API_KINDS: Record<string, ExtractedGrant["kind"]> = { graph: "graph-app-role", office365: "office365-app-role" };

/**
 * Entra: the application permissions that are both requested (required_resource_access)
 * and consented (an app-role assignment), as Insights gets only those; a permission in
 * one list and not the other is reported with its own artifact, and shows as a difference.
 */
export function entraGrants(json: TfJson, artifact: string): ExtractedGrant[] {
  const tenantId = json.provider?.azuread?.[0]?.tenant_id ?? "unknown";
  const scope = `entra-tenant:${tenantId}`;
  const grants: ExtractedGrant[] = [];
  const requested = new Set<string>();
  for (const app of Object.values(json.resource?.azuread_application ?? {})) {
    for (const access of app.required_resource_access ?? []) {
      for (const entry of access.resource_access ?? []) {
        const match = APP_ROLE_REF.exec(entry.id);
        if (match && entry.type === "Role") requested.add(`${match[1]}|${match[2]}`);
      }
    }
  }
  const appRole = (api: string, permission: string, condition: string | undefined, at: string): ExtractedGrant => ({
    source: "azure",
    scope,
    kind: API_KINDS[api] ?? "graph-app-role",
    name: permission,
    access: entraAppRoleAccess(permission),
    ...(condition ? { condition } : {}),
    artifact: `${artifact} ${at}`,
  });
  for (const [address, assignment] of Object.entries(json.resource?.azuread_app_role_assignment ?? {})) {
    const match = APP_ROLE_REF.exec(assignment.app_role_id);
    if (!match) continue;
    const [, api, permission] = match;
    const consentedAndRequested = requested.delete(`${api}|${permission}`);
    const condition = consentedAndRequested ? undefined : "consented but not requested";
    grants.push(appRole(api, permission, condition, `azuread_app_role_assignment.${address}`));
  }
  // Not consented yet, but one click on "Grant admin consent" makes it effective: classed by name all the same.
  for (const left of requested) {
    const [api, permission] = left.split("|");
    grants.push(appRole(api, permission, "requested but not consented", "azuread_application"));
  }
  for (const [address, assignment] of Object.entries(json.resource?.azurerm_role_assignment ?? {})) {
    const managementGroup = /managementGroups\/([^/]+)$/.exec(assignment.scope ?? "");
    grants.push({
      source: "azure",
      scope: managementGroup ? `azure-management-group:${managementGroup[1]}` : `azure-scope:${assignment.scope}`,
      kind: "azure-rbac-role",
      name: assignment.role_definition_name ?? assignment.role_definition_id,
      access: azureRbacRoleAccess(assignment.role_definition_name),
      artifact: `${artifact} azurerm_role_assignment.${address}`,
    });
  }
  return grants;
}

/** The literal project a `project` argument names: a literal, or the connector project's own resource/data. */
function projectOf(json: TfJson, value: string): string {
  const ref = /^\$\{(data\.)?google_project\.(\w+)\.project_id\}$/.exec(value);
  if (!ref) return value;
  const block = ref[1] ? json.data?.google_project?.[ref[2]] : json.resource?.google_project?.[ref[2]];
  return block?.project_id ?? value;
}

/** GCP: organization IAM members, and services enabled per project or over the organization's projects. */
export function gcpGrants(json: TfJson, artifact: string): ExtractedGrant[] {
  const grants: ExtractedGrant[] = [];
  for (const [address, member] of Object.entries(json.resource?.google_organization_iam_member ?? {})) {
    grants.push({
      source: "gcp",
      scope: `gcp-organization:${member.org_id}`,
      kind: "gcp-iam-role",
      name: member.role,
      access: gcpIamRoleAccess(member.role),
      artifact: `${artifact} google_organization_iam_member.${address}`,
    });
  }
  const orgLocal = String(json.locals?.organization_project_ids ?? "");
  const organization = /val\.org_id == \\?"(\d+)\\?"/.exec(orgLocal)?.[1];
  for (const [address, service] of Object.entries(json.resource?.google_project_service ?? {})) {
    const scope = service.for_each ? `gcp-organization-projects:${organization ?? "unknown"}` : `gcp-project:${projectOf(json, service.project)}`;
    grants.push({
      source: "gcp",
      scope,
      kind: "gcp-api",
      name: service.service,
      access: gcpApiAccess(service.service),
      ...(service.disable_on_destroy === false ? {} : { condition: "disabled on destroy" }),
      artifact: `${artifact} google_project_service.${address}`,
    });
  }
  return grants;
}

/** PingOne: role assignments to the worker app, with each role's name from its lookup. */
export function pingoneGrants(json: TfJson, artifact: string): ExtractedGrant[] {
  return Object.entries(json.resource?.pingone_application_role_assignment ?? {}).map(([address, assignment]) => {
    const lookup = /^\$\{data\.pingone_role\.(\w+)\.id\}$/.exec(assignment.role_id)?.[1];
    const role = lookup ? json.data?.pingone_role?.[lookup]?.name : assignment.role_id;
    return {
      source: "pingone",
      scope: `pingone-environment:${assignment.scope_environment_id}`,
      kind: "pingone-role" as const,
      name: role,
      access: pingoneRoleAccess(role),
      artifact: `${artifact} pingone_application_role_assignment.${address}`,
    };
  });
}
