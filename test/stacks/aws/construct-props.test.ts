import { App, CfnParameter, Duration, Stack } from "aws-cdk-lib";
import { Template } from "aws-cdk-lib/assertions";
import { awsGrants } from "../../../connectors/aws/grants";
import { InsightsAwsConnectorStack } from "../../../stacks/aws/connector-stack";
import { InsightsReadOnlyRole, type InsightsReadOnlyRoleProps } from "../../../stacks/aws/insights-read-only-role";
import { insightsRolePolicies } from "../../../stacks/aws/role-policies";
import { exampleAwsConnector, onlyResource } from "./helpers";

const PRINCIPAL = "arn:aws:iam::222222222222:root";

function roleIn(props: Partial<InsightsReadOnlyRoleProps>): Template {
  const stack = new Stack(new App(), "Own");
  new InsightsReadOnlyRole(stack, "Insights", { trustedPrincipal: PRINCIPAL, externalId: "ext-id-1", ...props });
  return Template.fromStack(stack);
}

describe("InsightsReadOnlyRole takes its permissions from the catalog", () => {
  test.each(["aws-single-account.yaml", "all-sources.yaml"])("the same policies as awsGrants lists for %s", (file) => {
    const grants = awsGrants(exampleAwsConnector(file));
    const { managedPolicyArns, actions } = insightsRolePolicies();
    expect(managedPolicyArns).toEqual(grants.filter((g) => g.kind === "aws-managed-policy").map((g) => g.name));
    expect(actions).toEqual(grants.filter((g) => g.kind === "aws-action").map((g) => g.name));
  });

  test("without the optional props, the catalog's defaults: role name and a one-hour session", () => {
    const role = onlyResource(roleIn({}), "AWS::IAM::Role").Properties;
    expect(role.RoleName).toBe("BeyondTrustInsightsReadOnly");
    expect(role.MaxSessionDuration).toBe(3600);
    expect(role.PermissionsBoundary).toBeUndefined();
  });

  test("a token external ID and principal are left to CloudFormation", () => {
    const stack = new Stack(new App(), "Own");
    const id = new CfnParameter(stack, "Id", { noEcho: true }).valueAsString;
    const principal = new CfnParameter(stack, "Principal").valueAsString;
    const make = () => new InsightsReadOnlyRole(stack, "Insights", { trustedPrincipal: principal, externalId: id });
    expect(make).not.toThrow();
  });
});

describe("nonsense props fail at construction, naming the prop", () => {
  test.each<[string, Partial<InsightsReadOnlyRoleProps>, RegExp]>([
    ["a principal that is no ARN", { trustedPrincipal: "222222222222" }, /trustedPrincipal: must be an IAM/],
    ["an empty external ID", { externalId: "" }, /externalId: must be at least 2 characters/],
    ["an external ID with spaces", { externalId: "my id" }, /externalId: must be letters/],
    ["a role name with a slash", { roleName: "team/Insights" }, /roleName: must be an IAM role name/],
    ["a boundary that is no ARN", { permissionsBoundaryArn: "Boundary" }, /permissionsBoundaryArn: must be/],
    ["a 13-hour session", { maxSessionDuration: Duration.hours(13) }, /maxSessionDuration: must be at most 43200/],
  ])("InsightsReadOnlyRole: %s", (_, props, message) => {
    expect(() => roleIn(props)).toThrow(/^InsightsReadOnlyRole "Own\/Insights": invalid props: /);
    expect(() => roleIn(props)).toThrow(message);
  });

  test("InsightsAwsConnectorStack: a root ID that is no r-xxxx, and tags with an empty key", () => {
    const make = (extra: object) => () =>
      new InsightsAwsConnectorStack(new App(), "insights", { trustedPrincipal: PRINCIPAL, ...extra });
    expect(make({ rootOrgUnitId: "ou-1234-abcdefgh" })).toThrow(/InsightsAwsConnectorStack "insights".*rootOrgUnitId/);
    expect(make({ tags: { "": "x" } })).toThrow(/InsightsAwsConnectorStack "insights".*tags/);
    expect(make({ roleName: "a b" })).toThrow(/InsightsReadOnlyRole "insights\/Insights".*roleName/);
  });

  test("InsightsAwsConnectorStack with rootOrgUnitId deploys the role to member accounts", () => {
    const props = { trustedPrincipal: PRINCIPAL, rootOrgUnitId: "r-ab12" };
    const stack = new InsightsAwsConnectorStack(new App(), "insights", props);
    const template = Template.fromStack(stack);
    template.resourceCountIs("AWS::CloudFormation::StackSet", 1);
    expect(template.toJSON().Parameters.RootOrgUnitId.Default).toBe("r-ab12");
  });
});
