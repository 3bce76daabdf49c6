import type { ExtractedGrant } from "../../plan/extracted-grant";
import { gcpIamRoleAccess } from "../access/gcp-iam-role";
import type { TerraformJson } from "./terraform-json";

/** GCP: roles granted on the organization (`google_organization_iam_member`). */
export function gcpOrganizationRoleGrants(json: TerraformJson, artifact: string): ExtractedGrant[] {
  return Object.entries(json.resource?.google_organization_iam_member ?? {}).map(([address, member]) => ({
    source: "gcp",
    scope: `gcp-organization:${member.org_id}`,
    kind: "gcp-iam-role" as const,
    name: member.role,
    access: gcpIamRoleAccess(member.role),
    artifact: `${artifact} google_organization_iam_member.${address}`,
  }));
}
