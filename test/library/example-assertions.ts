// What the two library examples (examples/library/) must synthesize, wherever they run from:
// the repository's own dist/ (examples.test.ts) or a packed tarball installed into a fresh
// consumer project (packed-package.test.ts). One copy of the expectations for both.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { AZURE_PERMISSION_GROUPS } from "../../connectors/azure/permissions";
import { SECURITY_AUDIT_POLICY_ARN } from "../../connectors/aws/grants";

/** The names the package entry exports, as a user's `require("insights-connectors")` sees them. */
export const PUBLIC_NAMES = [
  "InsightsAwsConnectorStack",
  "InsightsEntraConnectorStack",
  "InsightsGcpConnectorStack",
  "InsightsPingOneConnectorStack",
  "InsightsReadOnlyRole",
  "InvalidConstructPropsError",
  "ToolkitError",
];

/** examples/library/cdk-app.ts, synthesized to `cdkOut`: its own stack holds the role, trust needs the external ID. */
export function expectCdkExampleTemplate(cdkOut: string): void {
  const template = JSON.parse(readFileSync(join(cdkOut, "SecurityTooling.template.json"), "utf8"));
  const roles = Object.values(template.Resources as Record<string, any>).filter((r) => r.Type === "AWS::IAM::Role");
  expect(roles).toHaveLength(1);
  const role = roles[0].Properties;
  expect(role.AssumeRolePolicyDocument.Statement).toEqual([
    {
      Action: "sts:AssumeRole",
      Effect: "Allow",
      Principal: { AWS: "arn:aws:iam::123456789012:root" },
      Condition: { StringEquals: { "sts:ExternalId": { Ref: "InsightsExternalId" } } },
    },
  ]);
  expect(role.ManagedPolicyArns).toEqual([SECURITY_AUDIT_POLICY_ARN]);
  expect(role.Policies[0].PolicyDocument.Statement[0].Action).toEqual([
    "identitystore:DescribeGroup",
    "identitystore:DescribeUser",
  ]);
  expect(template.Parameters.InsightsExternalId.NoEcho).toBe(true);
}

/** examples/library/cdktf-app.ts, synthesized to `cdktfOut`: the Entra app requires the core-directory Graph roles. */
export function expectCdktfExampleStack(cdktfOut: string): void {
  const json = JSON.parse(readFileSync(join(cdktfOut, "stacks", "insights-entra", "cdk.tf.json"), "utf8"));
  const application = json.resource.azuread_application.connector_application;
  const graph = "data.azuread_service_principal.graph_service_principal";
  expect(application.required_resource_access).toEqual([
    {
      resource_app_id: '${data.azuread_application_published_app_ids.published_app_ids.result["MicrosoftGraph"]}',
      resource_access: AZURE_PERMISSION_GROUPS["core-directory"].permissions.map((permission) => ({
        id: `\${${graph}.app_role_ids["${permission}"]}`,
        type: "Role",
      })),
    },
  ]);
  // azureResources: false in the example, so no Reader assignment.
  expect(json.resource.azurerm_role_assignment).toBeUndefined();
  expect(json.terraform.backend).toEqual({ local: { path: "terraform.insights-entra.tfstate" } });
}
