import type { ExtractedGrant } from "../../plan/extracted-grant";
import { ORGANIZATION_PROJECTS_LOCAL } from "../../stacks/gcp/enabled-apis";
import { gcpApiAccess } from "../access/gcp-api";
import type { TerraformJson } from "./terraform-json";

/** The literal project a `project` argument names: a literal, or the connector project's own resource/data. */
function projectOf(json: TerraformJson, value: string): string {
  const ref = /^\$\{(data\.)?google_project\.(\w+)\.project_id\}$/.exec(value);
  if (!ref) return value;
  const block = ref[1] ? json.data?.google_project?.[ref[2]] : json.resource?.google_project?.[ref[2]];
  return block?.project_id ?? value;
}

/** The organization whose projects the stack's project list filters on (`val.org_id == "<id>"`). */
function listedOrganization(json: TerraformJson): string | undefined {
  const expression = String(json.locals?.[ORGANIZATION_PROJECTS_LOCAL] ?? "");
  return /val\.org_id == \\?"(\d+)\\?"/.exec(expression)?.[1];
}

/** GCP: services enabled (`google_project_service`) per project, or over the organization's projects. */
export function gcpProjectServiceGrants(json: TerraformJson, artifact: string): ExtractedGrant[] {
  const organization = listedOrganization(json);
  return Object.entries(json.resource?.google_project_service ?? {}).map(([address, service]) => ({
    source: "gcp",
    scope: service.for_each
      ? `gcp-organization-projects:${organization ?? "unknown"}`
      : `gcp-project:${projectOf(json, service.project)}`,
    kind: "gcp-api" as const,
    name: service.service,
    access: gcpApiAccess(service.service),
    ...(service.disable_on_destroy === false ? {} : { condition: "disabled on destroy" }),
    artifact: `${artifact} google_project_service.${address}`,
  }));
}
