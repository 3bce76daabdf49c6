import type { PropagationRule } from "../common/propagation";

/**
 * AWS says IAM is eventually consistent and that changes to roles "can take some time", with no
 * figure ("What is IAM?" › Service availability, which points to the troubleshooting page below).
 * Five minutes is this toolkit's choice, configurable per connector.
 */
export const AWS_PROPAGATION: PropagationRule = {
  source: "AWS IAM (the role and its trust policy)",
  defaultMinutes: 5,
  origin:
    "no figure from AWS (https://docs.aws.amazon.com/IAM/latest/UserGuide/troubleshoot_general.html" +
    "#troubleshoot_general_eventual-consistency); 5 minutes is the toolkit's choice",
};
