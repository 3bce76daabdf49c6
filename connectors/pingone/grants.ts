import type { Grant } from "../grant";
import { guide } from "../origins";
import type { PingOneConnectorConfig } from "./config";

export function pingoneGrants(config: PingOneConnectorConfig): Grant[] {
  return [...new Set(config.roles)].map((role) => ({
    source: "pingone",
    scope: `pingone-environment:${config.environmentId.toLowerCase()}`,
    kind: "pingone-role",
    name: role,
    access: "read",
    origin: guide("Create a PingOne Application, step 4"),
    note: "assigned to the worker application, scoped to the environment",
  }));
}
