import type { Construct } from "constructs";
import { InsightsReadOnlyRole, type InsightsReadOnlyRoleProps } from "./insights-read-only-role";

/** The role's settings that are the same in the management and every member account. */
export type ConnectorRoleSettings = Omit<InsightsReadOnlyRoleProps, "externalId">;

/** The Insights role as the connector stack places it: the same id in the management and member accounts. */
export function connectorRole(
  scope: Construct,
  settings: ConnectorRoleSettings,
  externalId: string,
): InsightsReadOnlyRole {
  return new InsightsReadOnlyRole(scope, "Insights", { ...settings, externalId });
}
