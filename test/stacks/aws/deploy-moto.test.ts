import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CloudFormationClient, DescribeStacksCommand } from "@aws-sdk/client-cloudformation";
import { GetRoleCommand, IAMClient, NoSuchEntityException } from "@aws-sdk/client-iam";
import { REPO } from "../../helpers/cli";
import { startMoto, type Moto } from "../../helpers/moto";
import { requireTool } from "../../helpers/require-tool";

const EXTERNAL_ID = "canary-external-id-51c0";
const motoServer = requireTool("moto", "AWS end-to-end deploy");

motoServer.describe(`cdk deploy to a local AWS emulator (moto)${motoServer.note}`, () => {
  let moto: Moto;
  let outdir: string;
  const env = () => ({
    ...process.env,
    ...moto.awsEnv,
    CDK_DISABLE_VERSION_CHECK: "1",
  });
  const clientConfig = () => moto.clientConfig;
  const cdk = (...args: string[]) =>
    spawnSync(
      join(REPO, "node_modules", ".bin", "cdk"),
      [...args, "-o", join(outdir, "cdk.out"), "-c", "config=examples/all-sources.yaml"],
      {
        cwd: REPO,
        env: env(),
        encoding: "utf8",
        timeout: 240_000,
      },
    );

  beforeAll(async () => {
    moto = await startMoto();
    outdir = mkdtempSync(join(tmpdir(), "moto-deploy-"));
  });
  afterAll(() => {
    moto?.stop();
    if (outdir) rmSync(outdir, { recursive: true, force: true });
  });

  test("deploys the organization-wide stack, outputs ARN, and the role trusts Insights only with the external ID", async () => {
    const outputsFile = join(outdir, "outputs.json");
    // --method=direct: moto's change-set path drops stack outputs; CreateStack keeps them.
    const deploy = cdk(
      "deploy",
      "acme-prod-aws",
      "--method=direct",
      "--require-approval",
      "never",
      "--parameters",
      `BtConnectorExternalId=${EXTERNAL_ID}`,
      "--outputs-file",
      outputsFile,
    );
    expect(deploy.status).toBe(0);

    const outputs = JSON.parse(readFileSync(outputsFile, "utf8"));
    const arn: string = outputs["acme-prod-aws"].ARN;
    expect(arn).toMatch(/^arn:aws:iam::\d{12}:role\/BeyondTrustInsightsReadOnly$/);
    expect(deploy.stdout + deploy.stderr).not.toContain(EXTERNAL_ID);

    const stacks = await new CloudFormationClient(clientConfig()).send(
      new DescribeStacksCommand({ StackName: "acme-prod-aws" }),
    );
    expect(stacks.Stacks?.[0].StackStatus).toBe("CREATE_COMPLETE");

    const iam = new IAMClient(clientConfig());
    const role = await iam.send(new GetRoleCommand({ RoleName: arn.split("/").pop()! }));
    expect(role.Role?.Arn).toBe(arn);
    const trust = JSON.parse(decodeURIComponent(role.Role!.AssumeRolePolicyDocument!));
    expect(trust.Statement).toEqual([
      {
        Effect: "Allow",
        Action: "sts:AssumeRole",
        Principal: { AWS: "arn:aws:iam::222222222222:root" },
        Condition: { StringEquals: { "sts:ExternalId": EXTERNAL_ID } },
      },
    ]);

    const destroy = cdk("destroy", "acme-prod-aws", "--force");
    expect(destroy.status).toBe(0);
    await expect(iam.send(new GetRoleCommand({ RoleName: "BeyondTrustInsightsReadOnly" }))).rejects.toBeInstanceOf(
      NoSuchEntityException,
    );
    // Two cdk runs (deploy, destroy), each allowed 240 s above: 60 s in all is too tight on a busy 2-core machine.
  }, 480_000);
});
