import type { ExtractedGrant } from "../../plan/extracted-grant";
import { pingoneRoleAccess } from "../access/pingone-role";
import { dataSourceName, type TerraformJson } from "./terraform-json";

/** PingOne: role assignments to the worker app, with each role's name from its `pingone_role` lookup. */
export function pingoneRoleAssignmentGrants(json: TerraformJson, artifact: string): ExtractedGrant[] {
  return Object.entries(json.resource?.pingone_application_role_assignment ?? {}).map(([address, assignment]) => {
    const lookup = dataSourceName(assignment.role_id, "pingone_role", "id");
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
