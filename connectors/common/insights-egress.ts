import type { Grant } from "../grant";
import { guide } from "../origins";

/** Public addresses Insights connects from (guide: "Get Started with Insights Connectors", Note). */
export const INSIGHTS_EGRESS_IPS = ["50.16.236.14", "54.163.153.193", "54.225.135.48"] as const;

/** One network allowance per Insights address, on the product's allow-list. */
export function egressAllowances(source: string, scope: string, where: string, section: string): Grant[] {
  return INSIGHTS_EGRESS_IPS.map((ip) => ({
    source,
    scope,
    kind: "network-allow" as const,
    name: `${ip}/32`,
    access: "read" as const,
    origin: guide(section),
    note: where,
  }));
}
