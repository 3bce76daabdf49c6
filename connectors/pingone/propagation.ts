import type { PropagationRule } from "../common/propagation";

/** PingOne documents no propagation time for worker apps, secrets or roles: 2 minutes is the toolkit's choice. */
export const PINGONE_PROPAGATION: PropagationRule = {
  source: "PingOne (the worker app, its secret and roles)",
  defaultMinutes: 2,
  origin: "no figure from Ping Identity; 2 minutes is the toolkit's choice",
};
