import type { Grant } from "../connectors/grant";
import type { PlannedValue, Provisioning } from "../connectors/kind";

/** One field of the Insights form and where its value will come from. */
export interface PlannedField {
  readonly key: string;
  readonly label: string;
  readonly secret: boolean;
  readonly enteredIn?: "installer";
  readonly value: PlannedValue | { readonly from: "unset" };
}

export interface PlannedConnector {
  readonly kind: string;
  readonly name: string;
  /** Where in the console the connector is created. */
  readonly consolePath: string;
  readonly provisioning: Provisioning & { readonly stackName?: string };
  readonly registration: readonly PlannedField[];
  readonly grants: readonly Grant[];
}

export interface PlannedTenant {
  readonly name: string;
  readonly insights: { readonly adapter: string; readonly url?: string; readonly siteId?: string };
  readonly connectors: readonly PlannedConnector[];
}

/** What the toolkit would do for a config. Contains references, never secret values. */
export interface Plan {
  readonly planVersion: 1;
  readonly tenants: readonly PlannedTenant[];
}
