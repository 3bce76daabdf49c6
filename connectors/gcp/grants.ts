import type { Grant } from "../grant";
import { guide, VENDOR_DOCS } from "../origins";
import { GCP_CONNECTOR_PROJECT_APIS, GCP_REQUIRED_APIS, gcpApiScopes } from "./api-targets";
import type { GcpConnectorConfig } from "./config";

/** Organization roles of the service account ("Assign Service Account Roles"). */
export const GCP_ORGANIZATION_ROLES = ["roles/cloudasset.viewer", "roles/iam.securityReviewer"] as const;

export function gcpGrants(config: GcpConnectorConfig): Grant[] {
  const grants: Grant[] = GCP_ORGANIZATION_ROLES.map((role) => ({
    source: "gcp",
    scope: `gcp-organization:${config.organizationId}`,
    kind: "gcp-iam-role",
    name: role,
    access: "read",
    origin: guide("Assign Service Account Roles"),
    note: `granted to ${config.serviceAccountId}@${config.project.id}.iam.gserviceaccount.com`,
  }));
  for (const scope of gcpApiScopes(config)) {
    for (const api of GCP_REQUIRED_APIS) {
      grants.push({
        source: "gcp",
        scope,
        kind: "gcp-api",
        name: api,
        access: "read",
        origin: guide("Enable Required Services"),
        note: "enabled, never disabled on destroy",
      });
    }
  }
  for (const api of GCP_CONNECTOR_PROJECT_APIS) {
    grants.push({
      source: "gcp",
      scope: `gcp-project:${config.project.id}`,
      kind: "gcp-api",
      name: api,
      access: "read",
      origin: VENDOR_DOCS.gcpCreateServiceAccounts,
      note: "connector project only, to create the service account and its key; never disabled on destroy",
    });
  }
  return grants;
}
