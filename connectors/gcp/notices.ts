import type { PlanNotice } from "../kind";
import type { GcpConnectorConfig } from "./config";

/** hashicorp/terraform-provider-google@e03b7622a26cf4e878f90bdccaca6aa3d03a7999. */
const GOOGLE_KEY_DELETE =
  "hashicorp/terraform-provider-google google/services/resourcemanager/resource_google_service_account_key.go " +
  "(Delete calls Keys.Delete at once, so a key is deleted only when its generation leaves the list)";

/**
 * What the GCP plan states besides its grants: the key rotates by overlap in three steps, and the
 * old key stays valid until Insights reports the new one Connected, so Insights never holds a deleted key.
 */
export function gcpNotices(config: Pick<GcpConnectorConfig, "keyRotationDays" | "project">): PlanNotice[] {
  return [
    ...projectDeletionNotices(config.project),
    {
      kind: "step",
      text:
        `the service account key is rotated every ${config.keyRotationDays} days by overlap: an apply adds the ` +
        "new key beside the old one, register gives Insights the new key, and only once Insights reports it " +
        "Connected does the next apply delete the old key (up runs the three steps; by hand, pass the generations with " +
        "-var service_account_key_generations=[n,n+1], register, then [n+1])",
      origin: GOOGLE_KEY_DELETE,
    },
  ];
}

/** hashicorp/terraform-provider-google @ 00b984c6987304290117e54f87cdfd38f2be0685. */
const GOOGLE_PROJECT_DELETION_POLICY =
  "hashicorp/terraform-provider-google google/services/resourcemanager/resource_google_project.go " +
  "(deletion_policy: PREVENT, the default since 6.0.0, makes Delete fail; ABANDON drops it from state)";

/** What `down` will do with a project the stack creates, by `project.deletionPolicy`. */
function projectDeletionNotices(project: GcpConnectorConfig["project"]): PlanNotice[] {
  if (!project.create) return [];
  const text = {
    PREVENT:
      `the project ${project.id} is created with deletion_policy = PREVENT: down destroys the rest of the stack and ` +
      "leaves the project (Terraform refuses to delete it); for down to delete it, set project.deletionPolicy: " +
      "DELETE and run up before down",
    ABANDON:
      `the project ${project.id} is created with deletion_policy = ABANDON: down leaves the project in place and ` +
      "drops it from Terraform's state",
    DELETE: `the project ${project.id} is created with deletion_policy = DELETE: down deletes it, with all it holds`,
  }[project.deletionPolicy];
  return [{ kind: "step", text, origin: GOOGLE_PROJECT_DELETION_POLICY }];
}
