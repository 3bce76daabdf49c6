import type { PlanNotice } from "../kind";

/** hashicorp/terraform-provider-google@e03b7622a26cf4e878f90bdccaca6aa3d03a7999. */
const GOOGLE_KEY_DELETE =
  "hashicorp/terraform-provider-google google/services/resourcemanager/resource_google_service_account_key.go " +
  "(keepers is ForceNew; Delete calls Keys.Delete at once)";

/**
 * What the GCP plan states besides its grants: the key's rotation deletes the old key in the
 * same apply that creates the new one, so Insights must be given the new key straight after.
 */
export function gcpNotices(config: { keyRotationDays: number }): PlanNotice[] {
  return [{
    kind: "step",
    text: `the service account key is replaced every ${config.keyRotationDays} days, create-before-destroy: ` +
      "the apply that creates the new key deletes the old one at its end, so run register in the same " +
      "pipeline step right after that apply (up does); until then Insights holds a deleted key",
    origin: GOOGLE_KEY_DELETE,
  }];
}
