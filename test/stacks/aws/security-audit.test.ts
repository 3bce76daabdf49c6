import { readFileSync } from "node:fs";
import { join } from "node:path";
import { awsGrants } from "../../../connectors/aws/grants";
import { buildPlan } from "../../../plan/build";
import { renderJson } from "../../../plan/render-json";
import { loadConfig } from "../../../config/load";
import { awsStackParameters } from "../../../lifecycle/engines/aws-cdk";
import { resolveDeployInputs } from "../../../lifecycle/deploy-inputs";
import { REPO } from "../../helpers/cli";
import { exampleAwsConnector, onlyResource, synthTemplate } from "./helpers";

/**
 * The SecurityAudit statement the role relies on, as AWS published it (an excerpt of
 * zoph-io/MAMIP policies/SecurityAudit; source and commit inside the file).
 */
const EVIDENCE = JSON.parse(readFileSync(join(__dirname, "evidence", "security-audit-excerpt.json"), "utf8"));
const SECURITY_AUDIT: string[] = EVIDENCE.statement.Action;

/** Whether an IAM action pattern (`organizations:List*`) grants an action; IAM compares case-insensitively. */
function grantedBySecurityAudit(action: string): boolean {
  return SECURITY_AUDIT.some((pattern) => {
    const literal = pattern.split("*").map((part) => part.replace(/[.?+^$()[\]{}|\\]/g, "\\$&"));
    return new RegExp(`^${literal.join(".*")}$`, "i").test(action);
  });
}

const organization = exampleAwsConnector("all-sources.yaml");

describe("AWS role: SecurityAudit and the inline read actions, against AWS's published policy", () => {
  test("the evidence is the current SecurityAudit version, from a named commit", () => {
    expect(EVIDENCE.source).toEqual({
      repository: "zoph-io/MAMIP",
      path: "policies/SecurityAudit",
      commit: "ca4e0c52616e6dabe172057c4cba1f47358d3fae",
      policyArn: "arn:aws:iam::aws:policy/SecurityAudit",
      versionId: "v85",
      createDate: "2026-03-02T17:12:11Z",
    });
    expect(EVIDENCE.statement).toMatchObject({ Sid: "BaseSecurityAuditStatement", Effect: "Allow", Resource: "*" });
  });

  test("the inline policy holds only what SecurityAudit lacks: identity-store DescribeGroup and DescribeUser", () => {
    const inline = awsGrants(organization)
      .filter((g) => g.kind === "aws-action")
      .map((g) => g.name);
    expect(inline).toEqual(["identitystore:DescribeGroup", "identitystore:DescribeUser"]);
    expect(inline.filter(grantedBySecurityAudit)).toEqual([]);
    const role = onlyResource(synthTemplate(organization), "AWS::IAM::Role").Properties;
    const statements = role.Policies.flatMap((p: any) => p.PolicyDocument.Statement);
    const synthesized: string[] = statements.flatMap((s: any) => s.Action);
    expect(synthesized.filter(grantedBySecurityAudit)).toEqual([]);
    expect(role.ManagedPolicyArns).toEqual([EVIDENCE.source.policyArn]);
  });

  test("SecurityAudit already grants the 28 identity reads the role used to repeat inline", () => {
    const formerlyInline = [
      "sso:DescribeInstance",
      "sso:DescribePermissionSet",
      "sso:GetInlinePolicyForPermissionSet",
      "sso:GetPermissionsBoundaryForPermissionSet",
      "sso:ListAccountAssignments",
      "sso:ListAccountsForProvisionedPermissionSet",
      "sso:ListCustomerManagedPolicyReferencesInPermissionSet",
      "sso:ListInstances",
      "sso:ListManagedPoliciesInPermissionSet",
      "sso:ListPermissionSets",
      "sso:ListPermissionSetsProvisionedToAccount",
      "identitystore:ListGroupMemberships",
      "identitystore:ListGroupMembershipsForMember",
      "identitystore:ListGroups",
      "identitystore:ListUsers",
      "organizations:DescribeOrganization",
      "organizations:DescribePolicy",
      "organizations:ListAccounts",
      "organizations:ListAccountsForParent",
      "organizations:ListDelegatedAdministrators",
      "organizations:ListOrganizationalUnitsForParent",
      "organizations:ListPolicies",
      "organizations:ListPoliciesForTarget",
      "organizations:ListRoots",
      "organizations:ListTargetsForPolicy",
      "access-analyzer:GetFinding",
      "access-analyzer:ListAnalyzers",
      "access-analyzer:ListFindings",
    ];
    expect(formerlyInline).toHaveLength(28);
    expect(formerlyInline.filter((a) => !grantedBySecurityAudit(a))).toEqual([]);
  });

  test("SecurityAudit's origin is AWS's policy reference and says the choice is ours, not the guide's", () => {
    const managed = awsGrants(organization).find((g) => g.kind === "aws-managed-policy")!;
    expect(managed.origin).toBe(
      "https://docs.aws.amazon.com/aws-managed-policy/latest/reference/SecurityAudit.html (chosen here: the guide's " +
        '"Add an AWS Connector" template "creates an IAM role and policy" without naming them)',
    );
  });
});

describe("AWS externalId: read once, at deploy time, as the BtConnectorExternalId parameter", () => {
  const CANARY = "canary-external-id-7f3a9c";
  const env = { INSIGHTS_AWS_EXTERNAL_ID: CANARY };

  test("the deploy gets it as the stack's parameter, resolved from the config's reference at deploy time", async () => {
    const inputs = { awsExternalId: { from: "config", ref: organization.externalId } } as const;
    const resolved = await resolveDeployInputs(inputs, { configDir: "/nonexistent", env });
    // The toolkit's StackParameters take bare names (toolkit-lib 1.43.0, lib/actions/deploy/index.d.ts).
    expect(awsStackParameters(resolved)).toEqual({ BtConnectorExternalId: CANARY });
    await expect(resolveDeployInputs(inputs, { configDir: "/nonexistent", env: {} })).rejects.toThrow(
      "AWS external ID: cannot resolve secret env:INSIGHTS_AWS_EXTERNAL_ID: " +
        "environment variable INSIGHTS_AWS_EXTERNAL_ID is not set",
    );
  });

  test("the plan carries where it comes from: Insights for a tenant with an API, the config's reference for a sheet", () => {
    const config = loadConfig(join(REPO, "examples", "all-sources.yaml"));
    const awsOf = (plan: ReturnType<typeof buildPlan>) =>
      plan.tenants[0].connectors.find((c) => c.kind === "aws")!.deployInputs;
    expect(config.tenants[0].insights.adapter).not.toBe("sheet");
    expect(awsOf(buildPlan(config))).toEqual({ awsExternalId: { from: "insights" } });
    const sheet = { ...config, tenants: [{ ...config.tenants[0], insights: { adapter: "sheet" as const } }] };
    expect(awsOf(buildPlan(sheet))).toEqual({ awsExternalId: { from: "config", ref: organization.externalId } });
    expect(awsOf(buildPlan(sheet, undefined, { everyTenantHasApi: true }))).toEqual({
      awsExternalId: { from: "insights" },
    });
  });

  test("the template and the plan name the reference and never hold the value", () => {
    const previous = process.env.INSIGHTS_AWS_EXTERNAL_ID;
    process.env.INSIGHTS_AWS_EXTERNAL_ID = CANARY;
    try {
      const template = JSON.stringify(synthTemplate(organization).toJSON());
      const plan = renderJson(buildPlan(loadConfig(join(REPO, "examples", "all-sources.yaml"))));
      expect(template).not.toContain(CANARY);
      expect(plan).not.toContain(CANARY);
      const trust = awsGrants(organization).find((g) => g.kind === "trust")!;
      expect(trust.note).toBe(
        "Insights assumes the role only with the external ID shown in its connection panel; " +
          "the deploy takes it from env:INSIGHTS_AWS_EXTERNAL_ID as the BtConnectorExternalId parameter",
      );
    } finally {
      if (previous === undefined) delete process.env.INSIGHTS_AWS_EXTERNAL_ID;
      else process.env.INSIGHTS_AWS_EXTERNAL_ID = previous;
    }
  });
});
