import type { LeftAfterOffboarding } from "../kind";
import type { GcpConnectorConfig } from "./config";

const PROJECT_ORIGIN =
  "hashicorp/terraform-provider-google google/services/resourcemanager/resource_google_project.go " +
  "@ 00b984c6987304290117e54f87cdfd38f2be0685 (deletion_policy)";
/** "disable_on_destroy - (Optional) If true, disable the service when the Terraform resource is destroyed." */
const SERVICE_ORIGIN =
  "hashicorp/terraform-provider-google website/docs/r/google_project_service.html.markdown " +
  "@ 022e24ae73bceb5483647baad913c9dc9ebb7169 (disable_on_destroy)";

/**
 * What `down` leaves of a GCP connector: the APIs stay enabled (the stack sets
 * `disable_on_destroy = false`, so offboarding never turns off an API other workloads use), and
 * the connector project unless the stack created it with `deletionPolicy: DELETE`.
 */
export function gcpLeftAfterOffboarding(config: GcpConnectorConfig): LeftAfterOffboarding[] {
  const { project } = config;
  const apis = {
    what: "the Cloud Asset, Cloud Resource Manager and Logging APIs, on every project the stack enabled them on",
    why: "the stack never disables an API on destroy (disable_on_destroy = false): other workloads may use it",
    origin: SERVICE_ORIGIN,
  };
  if (!project.create) {
    return [
      {
        what: `the GCP project ${project.id}`,
        why: "an existing project: the stack only reads it",
        origin: PROJECT_ORIGIN,
      },
      apis,
    ];
  }
  const why = {
    PREVENT:
      "project.deletionPolicy is PREVENT: Terraform refuses to delete it; set DELETE and run up before down to delete it",
    ABANDON: "project.deletionPolicy is ABANDON: Terraform drops it from its state and leaves it in place",
    DELETE: undefined,
  }[project.deletionPolicy];
  return [...(why ? [{ what: `the GCP project ${project.id}`, why, origin: PROJECT_ORIGIN }] : []), apis];
}
