import type { PropagationRule } from "../common/propagation";

/** GitHub documents no propagation time for an App's installation: two minutes is this toolkit's choice. */
export const GITHUB_PROPAGATION: PropagationRule = {
  source: "GitHub (the App and its installation)",
  defaultMinutes: 2,
  origin: "no figure from GitHub; 2 minutes is the toolkit's choice",
};
