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

/** Every API enabled on the connector project: the guide's, then those its service account needs. */
export const GCP_CONNECTOR_PROJECT_ENABLED_APIS = [...GCP_REQUIRED_APIS, ...GCP_CONNECTOR_PROJECT_APIS] as const;

/** The projects besides the connector project that get the guide's APIs. */
export type GcpOtherApiProjects =
  | { readonly kind: "none" }
  /** Every project of the organization, listed at apply time (projects in folders included). */
  | { readonly kind: "organization"; readonly organizationId: string }
  /** The configured list, without the connector project and without repeats. */
  | { readonly kind: "list"; readonly projectIds: readonly string[] };

/** Where the connector's APIs are enabled: the connector project always, others per `enableApisOn`. */
export interface GcpApiTargets {
  readonly connectorProject: { readonly projectId: string; readonly apis: readonly string[] };
  /** These get the guide's APIs ({@link GCP_REQUIRED_APIS}) only. */
  readonly otherProjects: GcpOtherApiProjects;
}

export function gcpApiTargets(config: GcpConnectorConfig): GcpApiTargets {
  const { enableApisOn } = config;
  const connectorProjectId = config.project.id;
  const otherProjects: GcpOtherApiProjects =
    enableApisOn === "connector-project"
      ? { kind: "none" }
      : enableApisOn === "all-projects"
        ? { kind: "organization", organizationId: config.organizationId }
        : { kind: "list", projectIds: [...new Set(enableApisOn)].filter((id) => id !== connectorProjectId) };
  return {
    connectorProject: { projectId: connectorProjectId, apis: GCP_CONNECTOR_PROJECT_ENABLED_APIS },
    otherProjects,
  };
}

/**
 * The grant scopes the guide's APIs are enabled on: always the connector project (it may
 * be created by the stack, after the organization's projects are listed), plus every
 * other project of the organization or of the list.
 */
export function gcpApiScopes(config: GcpConnectorConfig): string[] {
  const { connectorProject, otherProjects } = gcpApiTargets(config);
  const connector = `gcp-project:${connectorProject.projectId}`;
  if (otherProjects.kind === "organization")
    return [`gcp-organization-projects:${otherProjects.organizationId}`, connector];
  if (otherProjects.kind === "none") return [connector];
  return [connector, ...otherProjects.projectIds.map((id) => `gcp-project:${id}`)];
}
