import type { Grant } from "../grant";
import { guide, VENDOR_DOCS } from "../origins";
import type { GcpConnectorConfig } from "./config";

/** APIs the guide enables ("Enable Required Services"), by service name. */
export const GCP_REQUIRED_APIS = [
  "cloudasset.googleapis.com",
  "cloudresourcemanager.googleapis.com",
  "logging.googleapis.com",
] as const;

/**
 * APIs the connector project itself needs to hold the service account and its key:
 * Google's "Create service accounts" page starts with "Enable the IAM API".
 */
export const GCP_CONNECTOR_PROJECT_APIS = ["iam.googleapis.com"] as const;

/** Organization roles of the service account ("Assign Service Account Roles"). */
export const GCP_ORGANIZATION_ROLES = ["roles/cloudasset.viewer", "roles/iam.securityReviewer"] as const;

/**
 * The scopes the APIs are enabled on: always the connector project (it may be created
 * by the stack, after the organization's projects are listed), plus every other
 * project of the organization or of the list.
 */
export function gcpApiScopes(config: GcpConnectorConfig): string[] {
  if (config.enableApisOn === "all-projects") return [`gcp-organization-projects:${config.organizationId}`, `gcp-project:${config.project.id}`];
  if (config.enableApisOn === "connector-project") return [`gcp-project:${config.project.id}`];
  return [...new Set([config.project.id, ...config.enableApisOn])].map((id) => `gcp-project:${id}`);
}

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
