import type { ExtractedGrant } from "../../plan/extracted-grant";
import { azureRbacRoleAccess } from "../access/azure-rbac-role";
import type { TerraformJson } from "./terraform-json";

/** Azure RBAC: role assignments (`azurerm_role_assignment`), scoped to their management group where they name one. */
export function azureRoleAssignmentGrants(json: TerraformJson, artifact: string): ExtractedGrant[] {
  return Object.entries(json.resource?.azurerm_role_assignment ?? {}).map(([address, assignment]) => {
    const managementGroup = /managementGroups\/([^/]+)$/.exec(assignment.scope ?? "");
    return {
      source: "azure",
      scope: managementGroup ? `azure-management-group:${managementGroup[1]}` : `azure-scope:${assignment.scope}`,
      kind: "azure-rbac-role" as const,
      name: assignment.role_definition_name ?? assignment.role_definition_id,
      access: azureRbacRoleAccess(assignment.role_definition_name),
      artifact: `${artifact} azurerm_role_assignment.${address}`,
    };
  });
}
