import { DataGoogleProject } from "@cdktf/provider-google/lib/data-google-project";
import { Project } from "@cdktf/provider-google/lib/project";
import { Construct } from "constructs";
import type { GcpConnectorConfig } from "../../connectors/gcp/config";

export interface ConnectorProjectProps {
  readonly project: GcpConnectorConfig["project"];
  readonly organizationId: string;
}

/**
 * The project that holds the connector's service account ("Create a New Project"):
 * created under the organization or a folder, or an existing one looked up by ID.
 */
export class ConnectorProject extends Construct {
  /** Project ID, as a reference so dependants wait for a created project. */
  readonly projectId: string;
  readonly created?: Project;

  constructor(scope: Construct, id: string, props: ConnectorProjectProps) {
    super(scope, id);
    const { project, organizationId } = props;
    if (project.create) {
      this.created = new Project(this, "project", {
        projectId: project.id,
        name: project.displayName ?? project.id,
        // A project has exactly one parent: the folder if given, else the organization.
        orgId: project.folderId ? undefined : organizationId,
        folderId: project.folderId,
        billingAccount: project.billingAccount,
        // Provider behaviour: `auto_create_network = false` is not "create no network". The google
        // provider then enables compute.googleapis.com on the new project and deletes its `default`
        // network (hashicorp/terraform-provider-google,
        // google/services/resourcemanager/resource_google_project.go, resourceGoogleProjectCreate,
        // commit e03b7622a26cf4e878f90bdccaca6aa3d03a7999): an API the plan would not show, which
        // fails without billing. `true` is the provider's no-side-effect path; this stack never
        // enables Compute Engine, so no VM can use a default network. To forbid default networks
        // outright, enforce the organization policy constraints/compute.skipDefaultNetworkCreation.
        // test/stacks/gcp/provider-side-effects.test.ts holds this line to the evidence.
        autoCreateNetwork: true,
        // PREVENT by default: deleting the project would delete the service account Insights signs
        // in with. The config's `project.deletionPolicy` decides what `down` may do (connectors/gcp/config.ts).
        deletionPolicy: project.deletionPolicy,
        labels: { "managed-by": "insights-connectors" },
      });
      this.created.overrideLogicalId("connector_project");
      this.projectId = this.created.projectId;
    } else {
      const existing = new DataGoogleProject(this, "existing", { projectId: project.id });
      existing.overrideLogicalId("connector_project");
      this.projectId = existing.projectId;
    }
  }
}
