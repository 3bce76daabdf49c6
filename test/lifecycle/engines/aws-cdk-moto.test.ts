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
const motoServer = requireTool("moto", "cdk deploy/destroy through the AWS engine");

describe("AWS engine: the dry run", () => {
  const configFile = join(REPO, "examples", "all-sources.yaml");
  const config = loadConfig(configFile);
  const tenant = config.tenants[0];
  const connector = tenant.connectors.find((c) => c.kind === "aws")!;
  const dryEngine = () => engineOf(config, connector, { configFile, cdkMethod: "direct" })!;

  test("the dry run names cdk deploy and destroy with their arguments in order, the external ID masked", () => {
    const [deploy] = dryEngine().describe("deploy");
    expect(deploy).toBe(
      `cdk deploy acme-prod-aws -c config=${configFile} -o '<temporary folder>/cdk.out' --method=direct ` +
        "--parameters 'acme-prod-aws:BtConnectorExternalId=***' --outputs-file '<temporary>/outputs.json' --require-approval never",
    );
    expect(dryEngine().describe("deploy", { yes: false })[0]).not.toContain("--require-approval");
    expect(dryEngine().describe("destroy")).toEqual([
      `cdk destroy acme-prod-aws -c config=${configFile} -o '<temporary folder>/cdk.out' --force`,
    ]);
    expect(dryEngine().missing()).toBeUndefined();
  });

  test("a failed cdk deploy rejects with cdk's own reason, and the external ID is in no message or line", async () => {
    const lines: string[] = [];
    const context = {
      env: { ...process.env, ...UNREACHABLE_AWS_ENV },
      yes: true,
      inputs: { awsExternalId: EXTERNAL_ID },
    };
    const error = (await dryEngine()
      .deploy({ ...context, onOutput: (l) => lines.push(l) })
      .catch((e: Error) => e)) as Error;
    expect(error.message).toMatch(/^cdk deploy exited 1: Unable to resolve AWS account to use/);
    expect([error.message, ...lines].join("\n")).not.toContain(EXTERNAL_ID);
  }, 300_000);
});

motoServer.describe(`AWS engine: cdk deploy and destroy against moto${motoServer.note}`, () => {
  let moto: Moto;
  let work: string;
  const configFile = join(REPO, "examples", "all-sources.yaml");
  const config = loadConfig(configFile);
  const tenant = config.tenants[0];
  const connector = tenant.connectors.find((c) => c.kind === "aws")!;
  const env = () => ({
    ...process.env,
    ...moto.awsEnv,
  });
  const client = () => moto.clientConfig;
  // --method=direct: moto's change-set path drops stack outputs; CreateStack keeps them.
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

  test("deploy returns the outputs cdk wrote, twice (idempotent); destroy removes the role and may run again", async () => {
    const lines: string[] = [];
    const context = {
      env: env(),
      yes: true,
      inputs: { awsExternalId: EXTERNAL_ID },
      onOutput: (l: string) => lines.push(l),
    };
    const first = await engine().deploy(context);
    expect(first.ARN).toMatch(/^arn:aws:iam::\d{12}:role\/BeyondTrustInsightsReadOnly$/);
    const iam = new IAMClient(client());
    const cloudFormation = new CloudFormationClient(client());
    const role = await iam.send(new GetRoleCommand({ RoleName: "BeyondTrustInsightsReadOnly" }));
    const trust = JSON.parse(decodeURIComponent(role.Role!.AssumeRolePolicyDocument!));
    expect(trust.Statement[0].Condition).toEqual({ StringEquals: { "sts:ExternalId": EXTERNAL_ID } });

    const again = await engine().deploy(context);
    expect(again).toEqual(first);
    const stacks = await cloudFormation.send(new DescribeStacksCommand({ StackName: "acme-prod-aws" }));
    expect(stacks.Stacks).toHaveLength(1);

    await engine().destroy({ env: env(), yes: true, onOutput: (l) => lines.push(l) });
    await expect(iam.send(new GetRoleCommand({ RoleName: "BeyondTrustInsightsReadOnly" }))).rejects.toBeInstanceOf(
      NoSuchEntityException,
    );
    await engine().destroy({ env: env(), yes: true });

    iam.destroy();
    cloudFormation.destroy();
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.join("\n")).not.toContain(EXTERNAL_ID);
    // Up to four cdk runs on a busy 2-core machine.
  }, 900_000);
});
