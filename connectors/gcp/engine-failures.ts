import type { EngineFailureRule } from "../kind";
import type { GcpConnectorConfig } from "./config";

/**
 * The google provider's Delete of a project whose state says PREVENT, word for word:
 * hashicorp/terraform-provider-google google/services/resourcemanager/resource_google_project.go
 * @ 00b984c6987304290117e54f87cdfd38f2be0685, `resourceGoogleProjectDelete`.
 */
export const GCP_PROJECT_PREVENT_ERROR = "Cannot destroy project as deletion_policy is set to PREVENT.";
const ORIGIN =
  "hashicorp/terraform-provider-google google/services/resourcemanager/resource_google_project.go " +
  "@ 00b984c6987304290117e54f87cdfd38f2be0685 (resourceGoogleProjectDelete)";

/**
 * What a GCP stack's failures mean. Terraform destroys the project last (everything else in the
 * stack lives in it or depends on it), so when its Delete refuses, the rest is already gone.
 */
export const gcpEngineFailures: readonly EngineFailureRule<GcpConnectorConfig>[] = [
  {
    // Terraform may wrap a long diagnostic across lines: compare with the whitespace folded.
    matches: (message) => message.replace(/\s+/g, " ").includes(GCP_PROJECT_PREVENT_ERROR.slice(0, -1)),
    explain: (config) => {
      const asked = config.project.deletionPolicy;
      const kept = `the GCP project ${config.project.id} was kept: its deletion_policy in Terraform's state is PREVENT`;
      return asked === "PREVENT"
        ? {
            message:
              `${kept}, as project.deletionPolicy asks; the rest of the stack was destroyed before it. ` +
              "To delete the project too, set project.deletionPolicy: DELETE, run up (the apply records it), then down",
            field: ["project", "deletionPolicy"],
            expected: true,
          }
        : {
            message:
              `${kept}, while project.deletionPolicy says ${asked}: the provider reads the policy from state, so run ` +
              "up once (the apply records it), then down again",
            field: ["project", "deletionPolicy"],
          };
    },
    origin: ORIGIN,
  },
];
