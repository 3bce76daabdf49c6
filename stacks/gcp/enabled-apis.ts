import { DataGoogleProjectAncestry } from "@cdktf/provider-google/lib/data-google-project-ancestry";
import { DataGoogleProjects } from "@cdktf/provider-google/lib/data-google-projects";
import { ProjectService } from "@cdktf/provider-google/lib/project-service";
import { Fn, TerraformIterator, TerraformLocal } from "cdktf";
import { Construct } from "constructs";
import type { GcpConnectorConfig } from "../../connectors/gcp/config";
import { GCP_CONNECTOR_PROJECT_ENABLED_APIS, GCP_REQUIRED_APIS } from "../../connectors/gcp/api-targets";
import { terraformName } from "../terraform/logical-id";

/** Terraform name of the local listing the organization's projects; review reads the organization from it. */
export const ORGANIZATION_PROJECTS_LOCAL = "organization_project_ids";

export interface EnabledApisProps {
  readonly organizationId: string;
  /** The connector project's ID as configured (a literal, for addresses and filters). */
  readonly connectorProjectId: string;
  /** The same ID as a reference, so services wait for a created project. */
  readonly connectorProjectRef: string;
  readonly enableApisOn: GcpConnectorConfig["enableApisOn"];
}

/**
 * Enables the guide's APIs ("Enable Required Services") on the connector project and,
 * per `enableApisOn`, on every other project of the organization or on a list.
 * Destroying the stack never disables an API: other workloads may rely on it.
 */
export class EnabledApis extends Construct {
  /** The connector project's services; the service account waits for them. */
  readonly connectorProjectServices: ProjectService[];

  constructor(scope: Construct, id: string, props: EnabledApisProps) {
    super(scope, id);
    this.connectorProjectServices = GCP_CONNECTOR_PROJECT_ENABLED_APIS.map((api) =>
      this.enable(terraformName("connector_project", serviceName(api)), props.connectorProjectRef, api),
    );
    const { enableApisOn } = props;
    if (enableApisOn === "connector-project") return;
    if (enableApisOn === "all-projects") {
      this.enableOnOrganizationProjects(props);
      return;
    }
    for (const projectId of new Set(enableApisOn)) {
      if (projectId === props.connectorProjectId) continue;
      for (const api of GCP_REQUIRED_APIS)
        this.enable(terraformName("project", projectId, serviceName(api)), projectId, api);
    }
  }

  /**
   * Every active project whose ancestry reaches the organization, so projects in
   * folders count; the guide's script enables the APIs on every project it can list.
   */
  private enableOnOrganizationProjects(props: EnabledApisProps): void {
    const visible = new DataGoogleProjects(this, "visible-projects", { filter: "lifecycleState:ACTIVE" });
    visible.overrideLogicalId("active_projects");
    const eachVisible = TerraformIterator.fromComplexList(visible.projects, "project_id");
    const ancestry = new DataGoogleProjectAncestry(this, "ancestry", {
      forEach: eachVisible,
      project: eachVisible.getString("project_id"),
    });
    ancestry.overrideLogicalId("project_ancestry");
    const eachAncestry = TerraformIterator.fromDataSources(ancestry);
    const organizationProjects = new TerraformLocal(
      this,
      "organization-projects",
      Fn.compact(
        eachAncestry.forExpressionForList(
          `val.org_id == "${props.organizationId}" && val.project != "${props.connectorProjectId}" ? val.project : ""`,
        ) as unknown as string[],
      ),
    );
    organizationProjects.overrideLogicalId(ORGANIZATION_PROJECTS_LOCAL);
    for (const api of GCP_REQUIRED_APIS) {
      const eachProject = TerraformIterator.fromList(organizationProjects.asList);
      const service = new ProjectService(this, `organization-${api}`, {
        forEach: eachProject,
        project: eachProject.value,
        service: api,
        disableOnDestroy: false,
        disableDependentServices: false,
      });
      service.overrideLogicalId(terraformName("organization_projects", serviceName(api)));
    }
  }

  private enable(logicalId: string, project: string, api: string): ProjectService {
    const service = new ProjectService(this, logicalId, {
      project,
      service: api,
      disableOnDestroy: false,
      disableDependentServices: false,
    });
    service.overrideLogicalId(logicalId);
    return service;
  }
}

/** `cloudasset.googleapis.com` → `cloudasset`. */
function serviceName(api: string): string {
  return api.replace(/\.googleapis\.com$/, "");
}
