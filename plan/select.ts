import type { ConfigOf, KindName } from "../connectors/catalog";
import type { EngineName } from "../connectors/kind";
import type { Plan, PlannedConnector, PlannedTenant } from "./model";

/** A planned connector that a stack provisions, with the stack's name and engine. */
export type PlannedStack<C extends PlannedConnector["config"] = PlannedConnector["config"]> = PlannedConnector<C> & {
  readonly provisioning: Extract<PlannedConnector["provisioning"], { readonly mode: "stack" }>;
};

/** A tenant's connectors in its config file's order: `up` follows the order the user wrote, `down` its reverse. */
export function inConfigOrder(tenant: Pick<PlannedTenant, "connectors">): PlannedConnector[] {
  return [...tenant.connectors].sort((a, b) => a.position - b.position);
}

/** Every connector of the plan, tenant by tenant, each tenant's in its file's order. */
export function plannedConnectors(plan: Plan): PlannedConnector[] {
  return plan.tenants.flatMap(inConfigOrder);
}

/** The connector has a stack; narrows its provisioning to the stack's. */
export function hasStack<C extends PlannedConnector["config"]>(
  planned: PlannedConnector<C>,
): planned is PlannedStack<C> {
  return planned.provisioning.mode === "stack";
}

/** The plan's connectors of one kind, each with the kind's own config type. */
export function plannedOfKind<K extends KindName>(plan: Plan, kind: K): PlannedConnector<ConfigOf<K>>[] {
  return plannedConnectors(plan).filter((c): c is PlannedConnector<ConfigOf<K>> => c.kind === kind);
}

/** The plan's stacks one engine applies. */
export function plannedStacks(plan: Plan, engine: EngineName): PlannedStack[] {
  return plannedConnectors(plan)
    .filter(hasStack)
    .filter((c) => c.provisioning.engine === engine);
}
