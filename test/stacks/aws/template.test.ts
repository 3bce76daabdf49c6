import { Match } from "aws-cdk-lib/assertions";
import { awsGrants } from "../../../connectors/aws/grants";
import { exampleAwsConnector, onlyResource, synthTemplate } from "./helpers";

const organization = exampleAwsConnector("all-sources.yaml");
const single = exampleAwsConnector("aws-single-account.yaml");

describe("InsightsAwsConnectorStack, organization-wide", () => {
  const template = synthTemplate(organization);
  const role = onlyResource(template, "AWS::IAM::Role").Properties;

  test("trusts only the Insights principal, only with the external ID parameter", () => {
    expect(role.AssumeRolePolicyDocument.Statement).toEqual([
      {
        Action: "sts:AssumeRole",
        Effect: "Allow",
        Principal: { AWS: "arn:aws:iam::222222222222:root" },
        Condition: { StringEquals: { "sts:ExternalId": { Ref: "BtConnectorExternalId" } } },
      },
    ]);
  });

  test("attaches exactly SecurityAudit and the catalog's read actions, no wildcard action, no write", () => {
    expect(role.ManagedPolicyArns).toEqual(["arn:aws:iam::aws:policy/SecurityAudit"]);
    expect(role.Policies).toHaveLength(1);
    const statements = role.Policies[0].PolicyDocument.Statement;
    expect(statements).toHaveLength(1);
    expect(statements[0].Effect).toBe("Allow");
    const actions: string[] = statements[0].Action;
    const catalog = awsGrants(organization)
      .filter((g) => g.kind === "aws-action")
      .map((g) => g.name);
    expect([...actions].sort()).toEqual([...catalog].sort());
    for (const action of actions) {
      expect(action).not.toContain("*");
      expect(action).toMatch(/^[a-z-]+:(Describe|Get|List)[A-Za-z]+$/);
    }
  });

  test("names the role, caps the session, and sets no boundary unless asked", () => {
    expect(role.RoleName).toBe("BeyondTrustInsightsReadOnly");
    expect(role.MaxSessionDuration).toBe(3600);
    expect(role.PermissionsBoundary).toBeUndefined();
  });

  test("has the Insights template's parameters, the external ID never echoed", () => {
    template.hasParameter("BtConnectorExternalId", { Type: "String", NoEcho: true });
    template.hasParameter("RootOrgUnitId", { Type: "String", Default: "r-ab12", AllowedPattern: "^r-[0-9a-z]{4,32}$" });
    expect(Object.keys(template.toJSON().Parameters).sort()).toEqual(["BtConnectorExternalId", "RootOrgUnitId"]);
  });

  test("outputs ARN from the role", () => {
    template.hasOutput("ARN", { Value: { "Fn::GetAtt": [Match.stringLikeRegexp("^InsightsRole"), "Arn"] } });
  });

  test("deploys the same role to every member account through a service-managed StackSet on the root OU", () => {
    const stackSet = onlyResource(template, "AWS::CloudFormation::StackSet").Properties;
    expect(stackSet).toMatchObject({
      PermissionModel: "SERVICE_MANAGED",
      AutoDeployment: { Enabled: true, RetainStacksOnAccountRemoval: false },
      Capabilities: ["CAPABILITY_NAMED_IAM"],
      StackInstancesGroup: [
        { DeploymentTargets: { OrganizationalUnitIds: [{ Ref: "RootOrgUnitId" }] }, Regions: [{ Ref: "AWS::Region" }] },
      ],
      Parameters: [{ ParameterKey: "BtConnectorExternalId", ParameterValue: { Ref: "BtConnectorExternalId" } }],
    });
    const member = JSON.parse(stackSet.TemplateBody);
    expect(member.Parameters.BtConnectorExternalId).toMatchObject({ Type: "String", NoEcho: true });
    const memberRoles = Object.values(member.Resources as Record<string, any>).filter(
      (r) => r.Type === "AWS::IAM::Role",
    );
    expect(memberRoles).toHaveLength(1);
    expect(memberRoles[0].Properties.AssumeRolePolicyDocument).toEqual(role.AssumeRolePolicyDocument);
    expect(memberRoles[0].Properties.Policies).toEqual(role.Policies);
    expect(memberRoles[0].Properties.ManagedPolicyArns).toEqual(role.ManagedPolicyArns);
    expect(Object.keys(member.Resources).filter((k) => member.Resources[k].Type !== "AWS::IAM::Role")).toEqual([]);
  });

  test("needs no CDK bootstrap", () => {
    const json = template.toJSON();
    expect(json.Rules).toBeUndefined();
    expect(JSON.stringify(json)).not.toMatch(/cdk-hnb659fds|BootstrapVersion/);
  });
});

describe("InsightsAwsConnectorStack, single account with user options", () => {
  const template = synthTemplate({ ...single, maxSessionDurationSeconds: 7200, roleName: "InsightsAudit" });
  const role = onlyResource(template, "AWS::IAM::Role").Properties;

  test("has no StackSet and no RootOrgUnitId parameter", () => {
    template.resourceCountIs("AWS::CloudFormation::StackSet", 0);
    expect(Object.keys(template.toJSON().Parameters)).toEqual(["BtConnectorExternalId"]);
  });

  test("applies the permissions boundary, the role name, the session length and the tags", () => {
    expect(role.PermissionsBoundary).toBe("arn:aws:iam::333333333333:policy/ReadOnlyBoundary");
    expect(role.RoleName).toBe("InsightsAudit");
    expect(role.MaxSessionDuration).toBe(7200);
    expect(role.Tags).toEqual([{ Key: "owner", Value: "platform-team" }]);
  });
});
