import { GCP_CONNECTOR_PROJECT_ENABLED_APIS, gcpApiScopes, gcpApiTargets } from "../../connectors/gcp/api-targets";
import { gcpConnectorConfig } from "../../connectors/gcp/config";

const config = (enableApisOn: unknown) =>
  gcpConnectorConfig.parse({
    kind: "gcp",
    name: "gcp",
    organizationId: "123456789012",
    project: { id: "bt-insights" },
    enableApisOn,
  });

describe("GCP API targets, written once in the kind", () => {
  test("the connector project gets the guide's three APIs and the IAM API", () => {
    expect(GCP_CONNECTOR_PROJECT_ENABLED_APIS).toEqual([
      "cloudasset.googleapis.com",
      "cloudresourcemanager.googleapis.com",
      "logging.googleapis.com",
      "iam.googleapis.com",
    ]);
    expect(gcpApiTargets(config("connector-project")).connectorProject).toEqual({
      projectId: "bt-insights",
      apis: GCP_CONNECTOR_PROJECT_ENABLED_APIS,
    });
  });

  test("other projects: the organization's, none, or the list without the connector project and repeats", () => {
    expect(gcpApiTargets(config("all-projects")).otherProjects).toEqual({
      kind: "organization",
      organizationId: "123456789012",
    });
    expect(gcpApiTargets(config("connector-project")).otherProjects).toEqual({ kind: "none" });
    expect(
      gcpApiTargets(config(["other-project-1", "bt-insights", "other-project-1", "other-project-2"])).otherProjects,
    ).toEqual({
      kind: "list",
      projectIds: ["other-project-1", "other-project-2"],
    });
  });

  test("grant scopes follow the targets", () => {
    expect(gcpApiScopes(config("all-projects"))).toEqual([
      "gcp-organization-projects:123456789012",
      "gcp-project:bt-insights",
    ]);
    expect(gcpApiScopes(config("connector-project"))).toEqual(["gcp-project:bt-insights"]);
    expect(gcpApiScopes(config(["other-project-1", "bt-insights", "other-project-1"]))).toEqual([
      "gcp-project:bt-insights",
      "gcp-project:other-project-1",
    ]);
  });
});
