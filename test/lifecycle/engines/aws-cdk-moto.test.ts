import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DeleteStackCommand, CloudFormationClient, DescribeStacksCommand } from "@aws-sdk/client-cloudformation";
import { GetRoleCommand, IAMClient, NoSuchEntityException } from "@aws-sdk/client-iam";
import { loadConfig } from "../../../config/load";
import { engineOf, loadEngines } from "../../helpers/engines";
import { REPO } from "../../helpers/cli";
import { startMoto, UNREACHABLE_AWS_ENV, type Moto } from "../../helpers/moto";
import { requireTool } from "../../helpers/require-tool";

beforeAll(loadEngines);

const EXTERNAL_ID = "canary-external-id-77e3";
const motoServer = requireTool("moto", "deploy, diff and destroy through the AWS engine");

/** Runs `use` with the AWS variables of this process replaced: the toolkit runs in process and reads them. */
async function withAwsEnvironment<T>(variables: Record<string, string>, use: () => Promise<T>): Promise<T> {
  const saved = Object.fromEntries(Object.entries(process.env).filter(([name]) => name.startsWith("AWS_")));
  for (const name of Object.keys(saved)) delete process.env[name];
  Object.assign(process.env, variables);
  try {
    return await use();
  } finally {
    for (const name of Object.keys(process.env)) if (name.startsWith("AWS_")) delete process.env[name];
    Object.assign(process.env, saved);
  }
}

describe("AWS engine: the dry run and a failed deploy", () => {
  const configFile = join(REPO, "examples", "all-sources.yaml");
  const config = loadConfig(configFile);
  const tenant = config.tenants[0];
  const connector = tenant.connectors.find((c) => c.kind === "aws")!;
  const dryEngine = () => engineOf(config, connector, { configFile, cdkMethod: "direct" })!;

  test("the dry run names the in-process toolkit deploy and destroy, the external ID masked", () => {
    expect(dryEngine().describe("deploy")).toEqual([
      "CDK toolkit deploy acme-prod-aws (in process, method direct; parameter BtConnectorExternalId=***)",
    ]);
    expect(dryEngine().describe("destroy")).toEqual(["CDK toolkit destroy acme-prod-aws (in process)"]);
    expect(dryEngine().missing()).toBeUndefined();
  });

  test("a failed deploy rejects with the toolkit's own reason, and the external ID is in no message or line", async () => {
    const lines: string[] = [];
    const context = { env: process.env, yes: true, inputs: { awsExternalId: EXTERNAL_ID } };
    const error = (await withAwsEnvironment(UNREACHABLE_AWS_ENV, () =>
      dryEngine().deploy({ ...context, onOutput: (l) => lines.push(l) }),
    ).catch((e: Error) => e)) as Error;
    expect(error.message).toMatch(/^cdk deploy \(acme-prod-aws\) failed: /);
    expect([error.message, ...lines].join("\n")).not.toContain(EXTERNAL_ID);
  }, 300_000);

  test("without credentials the preview lists the synthesized template's resources and says why", async () => {
    const preview = await withAwsEnvironment(
      { ...UNREACHABLE_AWS_ENV, AWS_ACCESS_KEY_ID: "", AWS_SECRET_ACCESS_KEY: "", AWS_EC2_METADATA_DISABLED: "true" },
      () => dryEngine().preview("deploy", { env: process.env }),
    );
    expect(preview.source).toBe("synthesized");
    expect(preview.note).toMatch(/^the CDK toolkit could not diff here: cdk diff \(acme-prod-aws\) failed: /);
    // The example's organization-wide connector: the role here, the StackSet for every member account.
    expect(preview.resources).toEqual([
      { address: "InsightsRoleAEC280F2", type: "AWS::IAM::Role", action: "declared" },
      { address: "MemberAccounts", type: "AWS::CloudFormation::StackSet", action: "declared" },
    ]);
  }, 300_000);
});

motoServer.describe(`AWS engine: the CDK toolkit in process against moto${motoServer.note}`, () => {
  let moto: Moto;
  let work: string;
  const configFile = join(REPO, "examples", "all-sources.yaml");
  const config = loadConfig(configFile);
  const tenant = config.tenants[0];
  const connector = tenant.connectors.find((c) => c.kind === "aws")!;
  const client = () => moto.clientConfig;
  // Direct: moto's change-set path drops stack outputs; CreateStack keeps them.
  const engine = () => engineOf(config, connector, { configFile, stateDir: join(work, "state"), cdkMethod: "direct" })!;

  beforeAll(async () => {
    moto = await startMoto();
    work = mkdtempSync(join(tmpdir(), "aws-engine-"));
  });
  afterAll(async () => {
    if (moto) {
      const cloudFormation = new CloudFormationClient(client());
      await cloudFormation.send(new DeleteStackCommand({ StackName: "acme-prod-aws" })).catch(() => undefined);
      cloudFormation.destroy();
    }
    moto?.stop();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  test("deploy returns the stack's outputs, twice (idempotent); the preview diffs; destroy removes the role and may run again", async () => {
    const lines: string[] = [];
    const context = {
      env: process.env,
      yes: true,
      // up hands every engine its parameters (Terraform variables, key slots): none of them is the stack's.
      parameters: {},
      inputs: { awsExternalId: EXTERNAL_ID },
      onOutput: (l: string) => lines.push(l),
    };
    await withAwsEnvironment(moto.awsEnv, async () => {
      // Nothing deployed yet: the toolkit's diff says both resources are created.
      expect(await engine().preview("deploy", { env: process.env })).toEqual({
        source: "engine",
        note: "CDK toolkit diff: the template against the deployed stack's",
        resources: [
          { address: "InsightsRoleAEC280F2", type: "AWS::IAM::Role", action: "create" },
          { address: "MemberAccounts", type: "AWS::CloudFormation::StackSet", action: "create" },
        ],
      });
      const first = await engine().deploy(context);
      expect(first.ARN).toMatch(/^arn:aws:iam::\d{12}:role\/BeyondTrustInsightsReadOnly$/);
      const iam = new IAMClient(client());
      const cloudFormation = new CloudFormationClient(client());
      const role = await iam.send(new GetRoleCommand({ RoleName: "BeyondTrustInsightsReadOnly" }));
      const trust = JSON.parse(decodeURIComponent(role.Role!.AssumeRolePolicyDocument!));
      expect(trust.Statement[0].Condition).toEqual({ StringEquals: { "sts:ExternalId": EXTERNAL_ID } });
      expect((await engine().preview("deploy", { env: process.env })).resources).toEqual([]);

      const again = await engine().deploy(context);
      expect(again).toEqual(first);
      const stacks = await cloudFormation.send(new DescribeStacksCommand({ StackName: "acme-prod-aws" }));
      expect(stacks.Stacks).toHaveLength(1);

      await engine().destroy({ env: process.env, yes: true, onOutput: (l) => lines.push(l) });
      await expect(iam.send(new GetRoleCommand({ RoleName: "BeyondTrustInsightsReadOnly" }))).rejects.toBeInstanceOf(
        NoSuchEntityException,
      );
      await engine().destroy({ env: process.env, yes: true });
      iam.destroy();
      cloudFormation.destroy();
    });
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.join("\n")).not.toContain(EXTERNAL_ID);
  }, 900_000);
});
