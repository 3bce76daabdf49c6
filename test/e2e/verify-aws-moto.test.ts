import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  AttachRolePolicyCommand,
  DeleteRolePolicyCommand,
  DetachRolePolicyCommand,
  IAMClient,
  PutRolePolicyCommand,
  UpdateAssumeRolePolicyCommand,
} from "@aws-sdk/client-iam";
import { freePort, startMoto, type Moto } from "../helpers/moto";
import { requireTool } from "../helpers/require-tool";
import { REPO, spawnCliAsync } from "../helpers/cli";
import { runCliAsProcess } from "../helpers/cli-as-process";
import { configWith } from "../helpers/config-text";

const EXTERNAL_ID = "canary-verify-external-id-7f3a";
const ROLE = "BeyondTrustInsightsReadOnly";
const PRINCIPAL = "arn:aws:iam::222222222222:root";
/** moto's default account: the role's ARN carries it, and the config must name it as the management account. */
const ACCOUNT = "123456789012";
const SCOPE = `aws-account:${ACCOUNT}`;
const AWS_CONNECTOR = [
  "kind: aws",
  "name: AWS",
  `managementAccountId: "${ACCOUNT}"`,
  `trustedPrincipal: ${PRINCIPAL}`,
  "externalId: env:VERIFY_EXTERNAL_ID",
].join("\n");
// The test's own SDK clients: the Node-version notice is noise here as in verify.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
const motoServer = requireTool("moto", "AWS verify end-to-end");

const trustPolicy = (condition: Record<string, Record<string, string>>) =>
  JSON.stringify({
    Version: "2012-10-17",
    Statement: [{ Effect: "Allow", Action: "sts:AssumeRole", Principal: { AWS: PRINCIPAL }, Condition: condition }],
  });

motoServer.describe(`verify against a deployed AWS stack in moto${motoServer.note}`, () => {
  let moto: Moto;
  let work: string;
  let configFile: string;
  let iam: IAMClient;
  const awsEnv = (endpoint = moto.endpoint) => ({
    ...process.env,
    AWS_ENDPOINT_URL: endpoint,
    AWS_ACCESS_KEY_ID: "testing",
    AWS_SECRET_ACCESS_KEY: "testing",
    AWS_REGION: "us-east-1",
    AWS_EC2_METADATA_DISABLED: "true",
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
    CDK_DISABLE_VERSION_CHECK: "1",
    VERIFY_EXTERNAL_ID: EXTERNAL_ID,
  });
  const argv = (args: string[]) => ["verify", "--config", configFile, "--kind", "aws", ...args];
  /** In this process, as a child would run (test/helpers/cli-as-process.ts), so the SDKs load once. */
  const verify = (...args: string[]) => runCliAsProcess(argv(args), awsEnv());
  /** The real executable, for the first test. */
  const verifyInChild = (...args: string[]) => spawnCliAsync(argv(args), awsEnv());

  beforeAll(async () => {
    // moto loads the AWS managed policies only when asked (moto/settings.py); AttachRolePolicy needs them.
    moto = await startMoto({ ...process.env, MOTO_IAM_LOAD_MANAGED_POLICIES: "true" });
    work = mkdtempSync(join(tmpdir(), "verify-aws-"));
    configFile = join(work, "tenants.yaml");
    writeFileSync(configFile, configWith([AWS_CONNECTOR]));
    const deploy = spawnSync(
      join(REPO, "node_modules", ".bin", "cdk"),
      [
        "deploy",
        "acme-aws",
        "--method=direct",
        "--require-approval",
        "never",
        "--parameters",
        `BtConnectorExternalId=${EXTERNAL_ID}`,
        "-o",
        join(work, "cdk.out"),
        "-c",
        `config=${configFile}`,
      ],
      { cwd: REPO, env: awsEnv(), encoding: "utf8", timeout: 240_000 },
    );
    if (deploy.status !== 0) throw new Error(`cdk deploy failed: ${deploy.stderr.slice(-2000)}`);
    iam = new IAMClient({
      endpoint: moto.endpoint,
      region: "us-east-1",
      credentials: { accessKeyId: "testing", secretAccessKey: "testing" },
    });
    // moto 5.2.1 deploys the role but not all of it (moto/iam/models.py, Role.create_from_cloudformation_json):
    // it ignores ManagedPolicyArns and stores an inline policy as a Python repr, not JSON. Completing
    // both through the IAM API, with the stack's own values, gives the role real AWS would hold.
    await iam.send(new AttachRolePolicyCommand({ RoleName: ROLE, PolicyArn: "arn:aws:iam::aws:policy/SecurityAudit" }));
    const identityRead = {
      Sid: "IdentityReadOnly",
      Effect: "Allow",
      Action: ["identitystore:DescribeGroup", "identitystore:DescribeUser"],
      Resource: "*",
    };
    await iam.send(
      new PutRolePolicyCommand({
        RoleName: ROLE,
        PolicyName: "IdentityReadOnly",
        PolicyDocument: JSON.stringify({ Version: "2012-10-17", Statement: [identityRead] }),
      }),
    );
  }, 300_000);
  afterAll(() => {
    moto?.stop();
    iam?.destroy();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  const expectNoCanary = (run: { stdout: string; stderr: string }) =>
    expect(run.stdout + run.stderr).not.toContain(EXTERNAL_ID);

  test("a role as deployed matches the catalog: exit 0, the external ID compared but never printed", async () => {
    const run = await verifyInChild();
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("verify: every connector matches the catalog");
    expect(run.stdout).toContain("external ID value: equals env:VERIFY_EXTERNAL_ID");
    expectNoCanary(run);
  });

  test("put-role-policy: an inline write action is named with its policy (exit 3)", async () => {
    const backdoor = {
      Version: "2012-10-17",
      Statement: [
        { Effect: "Allow", Action: "s3:PutObject", Resource: "*" },
        { Effect: "Allow", NotAction: "iam:*", Resource: "*" },
      ],
    };
    await iam.send(
      new PutRolePolicyCommand({ RoleName: ROLE, PolicyName: "Backdoor", PolicyDocument: JSON.stringify(backdoor) }),
    );
    try {
      const run = await verify("--format", "markdown");
      expect(run.code).toBe(3);
      expect(run.stdout).toContain(
        `- extra (write): aws-action s3:PutObject @ ${SCOPE} [IAM role ${ROLE}, inline policy Backdoor]`,
      );
      // NotAction allows everything it does not name: admin, never overlooked.
      expect(run.stdout).toContain(
        `- extra (admin): aws-action NotAction iam:* @ ${SCOPE} [IAM role ${ROLE}, inline policy Backdoor]`,
      );
      expect(run.stdout).toContain("### Insights connectors: live verify — drift found");
      expectNoCanary(run);
    } finally {
      await iam.send(new DeleteRolePolicyCommand({ RoleName: ROLE, PolicyName: "Backdoor" }));
    }
  });

  test("attach-role-policy AdministratorAccess: an extra admin policy (exit 3, JSON names it)", async () => {
    const admin = "arn:aws:iam::aws:policy/AdministratorAccess";
    await iam.send(new AttachRolePolicyCommand({ RoleName: ROLE, PolicyArn: admin }));
    try {
      const run = await verify("--format", "json");
      expect(run.code).toBe(3);
      const report = JSON.parse(run.stdout);
      expect(report.outcome).toBe("drift");
      expect(report.exitCode).toBe(3);
      expect(report.connectors[0].drift).toEqual([
        {
          change: "extra",
          access: "admin",
          subject: `aws-managed-policy ${admin} @ ${SCOPE}`,
          where: `IAM role ${ROLE}, attached managed policies`,
        },
      ]);
    } finally {
      await iam.send(new DetachRolePolicyCommand({ RoleName: ROLE, PolicyArn: admin }));
    }
  });

  /** Runs `check` while the role trusts Insights under `condition`, then puts the deployed trust back. */
  async function withTrust(condition: Record<string, Record<string, string>>, check: () => Promise<void>) {
    const setTrust = (c: Record<string, Record<string, string>>) =>
      iam.send(new UpdateAssumeRolePolicyCommand({ RoleName: ROLE, PolicyDocument: trustPolicy(c) }));
    await setTrust(condition);
    try {
      await check();
    } finally {
      await setTrust({ StringEquals: { "sts:ExternalId": EXTERNAL_ID } });
    }
  }

  test("a trust condition changed from StringEquals to StringLike is named (exit 3)", () =>
    withTrust({ StringLike: { "sts:ExternalId": "*" } }, async () => {
      const run = await verify();
      expect(run.code).toBe(3);
      expect(run.stdout).toContain(
        `trust condition changed: trust ${PRINCIPAL} @ ${SCOPE} ` +
          `(catalog "StringEquals sts:ExternalId", deployed "StringLike sts:ExternalId") ` +
          `[IAM role ${ROLE}, trust policy]`,
      );
    }));

  test("another external ID value is drift, and neither value is printed (exit 3)", () => {
    const other = "canary-someone-elses-external-id-91b2";
    return withTrust({ StringEquals: { "sts:ExternalId": other } }, async () => {
      const run = await verify();
      expect(run.code).toBe(3);
      expect(run.stdout).toContain(
        `trust condition changed: trust ${PRINCIPAL} @ sts:ExternalId ` +
          "(the value is not the one in env:VERIFY_EXTERNAL_ID (neither value is shown))",
      );
      expectNoCanary(run);
      expect(run.stdout + run.stderr).not.toContain(other);
    });
  });

  test("an endpoint nobody answers on: exit 1 naming the call and the reason, within the deadline", async () => {
    const nobody = `http://127.0.0.1:${await freePort()}`;
    const started = Date.now();
    const run = await spawnCliAsync(
      ["verify", "--config", configFile, "--kind", "aws", "--retries", "1", "--request-timeout", "2"],
      awsEnv(nobody),
    );
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(new RegExp(`could not be read: iam:GetRole ${ROLE}: .*ECONNREFUSED`));
    expect(run.stdout).toContain("verify: a source could not be read");
    expect(Date.now() - started).toBeLessThan(30_000);
    expectNoCanary(run);
  });
});
