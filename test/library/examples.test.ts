import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { AZURE_PERMISSION_GROUPS } from "../../connectors/azure/permissions";
import { SECURITY_AUDIT_POLICY_ARN } from "../../connectors/aws/grants";
import { REPO } from "../helpers/cli";

const EXAMPLES = join(REPO, "examples", "library");
const PUBLIC_NAMES = [
  "InsightsAwsConnectorStack",
  "InsightsEntraConnectorStack",
  "InsightsGcpConnectorStack",
  "InsightsPingOneConnectorStack",
  "InsightsReadOnlyRole",
  "InvalidConstructPropsError",
  "ToolkitError",
];

/**
 * Runs a script the way a user's app runs: a separate Node process in which the name
 * `insights-connectors` resolves through package.json `exports` to the compiled dist/index.js.
 */
function runNode(args: string[], env: Record<string, string> = {}): string {
  const result = spawnSync(process.execPath, args, {
    cwd: EXAMPLES,
    env: { ...process.env, ...env },
    encoding: "utf8",
    timeout: 120_000,
  });
  if (result.status !== 0) throw new Error(`node ${args.join(" ")} failed (${result.status}):\n${result.stderr}`);
  return result.stdout;
}

const runExample = (file: string, env: Record<string, string>) =>
  runNode(["-r", "ts-node/register/transpile-only", join(EXAMPLES, file)], env);

describe("the package entry, as a user's app imports it", () => {
  let out: string;
  beforeAll(() => {
    // The entry is the compiled dist/; build what is stale, as `npm run build` would.
    require(join(REPO, "scripts", "build.js")).build();
    out = mkdtempSync(join(tmpdir(), "library-example-"));
  }, 300_000);
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  test("require('insights-connectors') exposes the constructs, from dist/index.js", () => {
    const script =
      "const entry = require('insights-connectors');" +
      "console.log(JSON.stringify({ file: require.resolve('insights-connectors'), names: Object.keys(entry).sort(), " +
      "classes: Object.values(entry).every((v) => typeof v === 'function') }));";
    const { file, names, classes } = JSON.parse(runNode(["-e", script]));
    expect(file).toBe(join(REPO, "dist", "index.js"));
    expect(names).toEqual(PUBLIC_NAMES);
    expect(classes).toBe(true);
  });

  test("the CDK example's own stack gets the role: external-id trust and SecurityAudit", () => {
    runExample("cdk-app.ts", { CDK_OUTDIR: join(out, "cdk") });
    const template = JSON.parse(readFileSync(join(out, "cdk", "SecurityTooling.template.json"), "utf8"));
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
  }, 180_000);

  test("the CDKTF example's Entra app requires exactly the catalog's core-directory Graph roles", () => {
    runExample("cdktf-app.ts", { CDKTF_OUTDIR: join(out, "cdktf") });
    const json = JSON.parse(readFileSync(join(out, "cdktf", "stacks", "insights-entra", "cdk.tf.json"), "utf8"));
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
  }, 180_000);
});
