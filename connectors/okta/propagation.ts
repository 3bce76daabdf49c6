import type { PropagationRule } from "../common/propagation";

/** Okta documents no propagation time for apps, keys or admin role assignments: 2 minutes is the toolkit's choice. */
export const OKTA_PROPAGATION: PropagationRule = {
  source: "Okta (the app, its key and admin roles)",
  defaultMinutes: 2,
  origin: "no figure from Okta; 2 minutes is the toolkit's choice",
};
