import type { ExtractedGrant } from "../../plan/extracted-grant";
import type { TerraformJson } from "./terraform-json";

/**
 * What the google provider does for `auto_create_network = false`: it enables
 * compute.googleapis.com on the new project and deletes the `default` network
 * (hashicorp/terraform-provider-google, google/services/resourcemanager/resource_google_project.go,
 * resourceGoogleProjectCreate, commit e03b7622a26cf4e878f90bdccaca6aa3d03a7999).
 */
export const GOOGLE_PROJECT_NO_NETWORK_EFFECT =
  "enabled by the google provider to delete the default network (auto_create_network = false)";

/**
 * GCP: the side effects the provider performs beyond the declared resources, as grants. The
 * catalog must list each, so a stack that triggers one the plan does not show fails the plan's
 * consistency check, and `diff` reports it as a write.
 */
export function gcpProviderSideEffects(json: TerraformJson, artifact: string): ExtractedGrant[] {
  return Object.entries(json.resource?.google_project ?? {})
    .filter(([, project]) => project.auto_create_network === false)
    .map(([address, project]) => ({
      source: "gcp",
      scope: `gcp-project:${project.project_id}`,
      kind: "gcp-api" as const,
      name: "compute.googleapis.com",
      access: "write" as const,
      condition: GOOGLE_PROJECT_NO_NETWORK_EFFECT,
      artifact: `${artifact} google_project.${address}`,
    }));
}
