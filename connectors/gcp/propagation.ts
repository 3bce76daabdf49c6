import type { PropagationRule } from "../common/propagation";

/**
 * The service account's organization role bindings are IAM allow-policy changes: "Changes to allow
 * or deny policies typically propagate in 2 minutes, but could potentially take 7 minutes or longer."
 */
export const GCP_PROPAGATION: PropagationRule = {
  source: "Google Cloud IAM (the organization role bindings)",
  defaultMinutes: 7,
  statement:
    "Changes to allow or deny policies typically propagate in 2 minutes, but could potentially take 7 minutes or longer.",
  origin: "https://cloud.google.com/iam/docs/access-change-propagation",
};
