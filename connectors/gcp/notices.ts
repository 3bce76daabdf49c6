import type { PlanNotice } from "../kind";

/** hashicorp/terraform-provider-google@e03b7622a26cf4e878f90bdccaca6aa3d03a7999. */
const GOOGLE_KEY_DELETE =
  "hashicorp/terraform-provider-google google/services/resourcemanager/resource_google_service_account_key.go " +
  "(Delete calls Keys.Delete at once, so a key is deleted only when its generation leaves the list)";

/**
 * What the GCP plan states besides its grants: the key rotates by overlap in three steps, and the
 * old key stays valid until Insights reports the new one Connected, so Insights never holds a deleted key.
 */
export function gcpNotices(config: { keyRotationDays: number }): PlanNotice[] {
  return [
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
