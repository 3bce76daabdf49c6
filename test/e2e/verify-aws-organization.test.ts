import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  AttachRolePolicyCommand,
  CreateRoleCommand,
  DetachRolePolicyCommand,
  IAMClient,
  PutRolePolicyCommand,
} from "@aws-sdk/client-iam";
import {
  CreateAccountCommand,
  CreateOrganizationCommand,
  ListRootsCommand,
  OrganizationsClient,
} from "@aws-sdk/client-organizations";
import { SECURITY_AUDIT_POLICY_ARN } from "../../connectors/aws/grants";
import { IDENTITY_READ_ACTIONS } from "../../connectors/aws/read-actions";
import { FakeCloudFormation, type FakeResourceDrift } from "../fakes/cloudformation";
import { spawnCliAsync } from "../helpers/cli";
import { runCliAsProcess } from "../helpers/cli-as-process";
import { configWith } from "../helpers/config-text";
import { startMoto, type Moto } from "../helpers/moto";
import { requireTool } from "../helpers/require-tool";

const EXTERNAL_ID = "canary-org-external-id-5c2e";
const ROLE = "BeyondTrustInsightsReadOnly";
const PRINCIPAL = "arn:aws:iam::222222222222:root";
const MANAGEMENT = "123456789012";
const STACK_SET = "acme-aws-member-accounts";
const ADMIN = "arn:aws:iam::aws:policy/AdministratorAccess";
/** The role the reader's profile assumes in the member account: an auditor role of the organization's own. */
const AUDIT_ROLE = "InsightsVerifyAudit";
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
const motoServer = requireTool("moto", "AWS organization verify end-to-end");

const trust = JSON.stringify({
  Version: "2012-10-17",
  Statement: [
    {
      Effect: "Allow",
      Action: "sts:AssumeRole",
      Principal: { AWS: PRINCIPAL },
      Condition: { StringEquals: { "sts:ExternalId": EXTERNAL_ID } },
    },
  ],
});

/** The connector's role as the stack deploys it, from the catalog's own values, in one account. */
async function deployRole(iam: IAMClient): Promise<void> {
  await iam.send(new CreateRoleCommand({ RoleName: ROLE, AssumeRolePolicyDocument: trust }));
  await iam.send(new AttachRolePolicyCommand({ RoleName: ROLE, PolicyArn: SECURITY_AUDIT_POLICY_ARN }));
  const actions = Object.values(IDENTITY_READ_ACTIONS).flat();
  const statement = { Sid: "IdentityReadOnly", Effect: "Allow", Action: actions, Resource: "*" };
  const document = JSON.stringify({ Version: "2012-10-17", Statement: [statement] });
  await iam.send(
    new PutRolePolicyCommand({ RoleName: ROLE, PolicyName: "IdentityReadOnly", PolicyDocument: document }),
  );
}

motoServer.describe(`verify: an AWS organization's member roles (moto, CloudFormation fake)${motoServer.note}`, () => {
  let moto: Moto;
  let cfn: FakeCloudFormation;
  let work: string;
  let configFile: string;
  let members: string[];
  let memberIam: IAMClient;
  const clients: { destroy(): void }[] = [];
  const env = (extra: NodeJS.ProcessEnv = {}) => ({
    ...process.env,
    ...moto.awsEnv,
    AWS_ENDPOINT_URL_CLOUDFORMATION: cfn.url,
    AWS_CONFIG_FILE: join(work, "config"),
    AWS_SHARED_CREDENTIALS_FILE: join(work, "credentials"),
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
    VERIFY_EXTERNAL_ID: EXTERNAL_ID,
    INSIGHTS_AWS_MEMBER_PROFILE: "member-audit",
    ...extra,
  });
  const argv = (args: string[]) => ["verify", "--config", configFile, "--kind", "aws", "--skip-connectivity", ...args];
  /** In this process, as a child would run (test/helpers/cli-as-process.ts), so the SDKs load once. */
  const verify = (extra?: NodeJS.ProcessEnv, ...args: string[]) => runCliAsProcess(argv(args), env(extra));
  /** The real executable, for the first test. */
  const verifyInChild = (extra?: NodeJS.ProcessEnv, ...args: string[]) => spawnCliAsync(argv(args), env(extra));
  const noCanary = (run: { stdout: string; stderr: string }) =>
    expect(run.stdout + run.stderr).not.toContain(EXTERNAL_ID);

  beforeAll(async () => {
    moto = await startMoto({ ...process.env, MOTO_IAM_LOAD_MANAGED_POLICIES: "true" });
    work = mkdtempSync(join(tmpdir(), "verify-aws-org-"));
    const organizations = new OrganizationsClient(moto.clientConfig);
    const iam = new IAMClient(moto.clientConfig);
    clients.push(organizations, iam);
    await organizations.send(new CreateOrganizationCommand({ FeatureSet: "ALL" }));
    const rootId = (await organizations.send(new ListRootsCommand({}))).Roots![0]!.Id!;
    members = [];
    for (const name of ["member-a", "member-b"]) {
      const created = await organizations.send(
        new CreateAccountCommand({ AccountName: name, Email: `${name}@example.com` }),
      );
      members.push(created.CreateAccountStatus!.AccountId!);
    }
    await deployRole(iam);
    // moto takes the account of a request from an `x-moto-account-id` header, else from keys STS
    // handed out for a role (moto/core/responses.py, get_current_account): the test makes the
    // member account's role with the header, the reader reads it with keys of the assumed role.
    memberIam = new IAMClient(moto.clientConfig);
    memberIam.middlewareStack.add(
      (next) => (args) => {
        (args.request as { headers: Record<string, string> }).headers["x-moto-account-id"] = members[1]!;
        return next(args);
      },
      { step: "build", name: "motoMemberAccount" },
    );
    clients.push(memberIam);
    await deployRole(memberIam);
    // The profile the reader is given: the standard chain's role_arn + source_profile.
    writeFileSync(
      join(work, "config"),
      `[profile member-audit]\nrole_arn = arn:aws:iam::${members[1]}:role/${AUDIT_ROLE}\n` +
        "source_profile = base\nregion = us-east-1\n[profile base]\nregion = us-east-1\n",
    );
    writeFileSync(join(work, "credentials"), "[base]\naws_access_key_id = testing\naws_secret_access_key = testing\n");
    configFile = join(work, "tenants.yaml");
    writeFileSync(
      configFile,
      configWith([
        [
          "kind: aws",
          "name: AWS",
          `managementAccountId: "${MANAGEMENT}"`,
          `trustedPrincipal: ${PRINCIPAL}`,
          "externalId: env:VERIFY_EXTERNAL_ID",
          `organization: { rootOrgUnitId: ${rootId} }`,
        ].join("\n"),
      ]),
    );
    cfn = new FakeCloudFormation();
    await cfn.start();
    cfn.stackSets.set(STACK_SET, {
      ouIds: [rootId],
      instances: members.map((account) => ({ account, region: "us-east-1", ouId: rootId })),
    });
  }, 120_000);
  afterAll(async () => {
    await cfn?.stop();
    moto?.stop();
    clients.forEach((client) => client.destroy());
    if (work) rmSync(work, { recursive: true, force: true });
  });
  afterEach(() => {
    cfn.busy = false;
    cfn.runningPolls = 0;
    for (const instance of cfn.stackSets.get(STACK_SET)!.instances) {
      instance.resourceDrifts = undefined;
      instance.driftStatus = undefined;
    }
  });

  test("aws: a noisy but clean organization verifies clean", async () => {
    // Admin roles of the organization's own beside the connector's, in both accounts; the
    // detection needs two polls before it succeeds.
    const management = new IAMClient(moto.clientConfig);
    clients.push(management);
    const adminTrust = JSON.stringify({
      Version: "2012-10-17",
      Statement: [{ Effect: "Allow", Action: "sts:AssumeRole", Principal: { AWS: `arn:aws:iam::${MANAGEMENT}:root` } }],
    });
    // moto makes OrganizationAccountAccessRole in each account it creates, as Organizations does.
    await management.send(
      new CreateRoleCommand({ RoleName: "OrganizationAccountAccessRole", AssumeRolePolicyDocument: adminTrust }),
    );
    for (const iam of [management, memberIam]) {
      await iam.send(new AttachRolePolicyCommand({ RoleName: "OrganizationAccountAccessRole", PolicyArn: ADMIN }));
    }
    cfn.runningPolls = 1;
    cfn.requests.length = 0;
    const run = await verifyInChild();
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("verify: every connector matches the catalog");
    expect(run.stdout).toMatch(/member drift detection: [0-9a-f-]{36}: 2 in sync, 0 drifted, 0 not checked/);
    expect(run.stdout).toContain(`member role: arn:aws:iam::${members[1]}:role/${ROLE}`);
    expect(run.stdout).toContain("member external ID value: equals env:VERIFY_EXTERNAL_ID");
    expect(cfn.requests.map((r) => r.action)).toContain("DetectStackSetDrift");
    // The StackSet is described once and its instances listed once (after the detection).
    const calls = (action: string) => cfn.requests.filter((r) => r.action === action).length;
    expect([calls("DescribeStackSet"), calls("ListStackInstances")]).toEqual([1, 1]);
    noCanary(run);
  });

  test("no StackSet of the stack's name: one call finds that out, and it is drift", async () => {
    const stackSet = cfn.stackSets.get(STACK_SET)!;
    cfn.stackSets.delete(STACK_SET);
    cfn.requests.length = 0;
    try {
      const run = await verify();
      expect(run.code).toBe(3);
      expect(run.stdout).toContain(`StackSet ${STACK_SET}`);
      expect(run.stdout).toContain("not found in us-east-1");
      expect(cfn.requests.map((r) => r.action)).toEqual(["DescribeStackSet"]);
      noCanary(run);
    } finally {
      cfn.stackSets.set(STACK_SET, stackSet);
    }
  });

  test("aws: a member-account role edited outside the stack is drift", async () => {
    // Found by CloudFormation's drift detection in member-a: AdministratorAccess attached and an
    // inline write action added by hand.
    const drift: FakeResourceDrift = {
      LogicalResourceId: "InsightsReadOnlyRole",
      ResourceType: "AWS::IAM::Role",
      StackResourceDriftStatus: "MODIFIED",
      PropertyDifferences: [
        { PropertyPath: "/ManagedPolicyArns/1", ExpectedValue: "null", ActualValue: ADMIN, DifferenceType: "ADD" },
        {
          PropertyPath: "/Policies/0/PolicyDocument/Statement/0/Action/2",
          ExpectedValue: "null",
          ActualValue: "s3:PutObject",
          DifferenceType: "ADD",
        },
      ],
    };
    cfn.stackSets.get(STACK_SET)!.instances[0]!.resourceDrifts = [drift];
    const [a, b] = members;
    for (const format of ["table", "json", "markdown"]) {
      const run = await verify(undefined, "--format", format);
      expect(run.code).toBe(3);
      noCanary(run);
      if (format !== "table") continue;
      expect(run.stdout).toMatch(
        new RegExp(
          `extra \\(admin\\): aws-managed-policy ${ADMIN} @ aws-account:${a} ` +
            `\\[StackSet ${STACK_SET} \\(us-east-1\\), drift detection [0-9a-f-]{36}, ${a}/us-east-1\\]`,
        ),
      );
      expect(run.stdout).toContain(`extra (write): aws-action s3:PutObject @ aws-account:${a}`);
      expect(run.stdout).not.toContain(`@ aws-account:${b}`);
    }
    // Read directly in member-b, where nothing has been detected yet.
    await memberIam.send(new AttachRolePolicyCommand({ RoleName: ROLE, PolicyArn: ADMIN }));
    try {
      const run = await verify();
      expect(run.code).toBe(3);
      expect(run.stdout).toContain(
        `extra (admin): aws-managed-policy ${ADMIN} @ aws-account:${b} ` +
          `[member account ${b}: IAM role ${ROLE}, attached managed policies]`,
      );
      noCanary(run);
    } finally {
      await memberIam.send(new DetachRolePolicyCommand({ RoleName: ROLE, PolicyArn: ADMIN }));
    }
  });

  test("aws: a member role deleted or its trust changed outside the stack is drift, no trust value printed", async () => {
    const [a, b] = members;
    const instances = cfn.stackSets.get(STACK_SET)!.instances;
    instances[0]!.resourceDrifts = [
      {
        LogicalResourceId: "InsightsReadOnlyRole",
        ResourceType: "AWS::IAM::Role",
        StackResourceDriftStatus: "DELETED",
      },
    ];
    instances[1]!.resourceDrifts = [
      {
        LogicalResourceId: "InsightsReadOnlyRole",
        ResourceType: "AWS::IAM::Role",
        StackResourceDriftStatus: "MODIFIED",
        PropertyDifferences: [
          {
            PropertyPath: "/AssumeRolePolicyDocument/Statement/0/Condition/StringEquals/sts:ExternalId",
            ExpectedValue: EXTERNAL_ID,
            ActualValue: "canary-changed-external-id",
            DifferenceType: "NOT_EQUAL",
          },
        ],
      },
    ];
    const run = await verify();
    expect(run.code).toBe(3);
    expect(run.stdout).toContain(`account without role: aws-account:${a} (AWS::IAM::Role InsightsReadOnlyRole deleted`);
    expect(run.stdout).toContain(
      `trust condition changed: trust of IAM role InsightsReadOnlyRole @ aws-account:${b} ` +
        "(/AssumeRolePolicyDocument/Statement/0/Condition/StringEquals/sts:ExternalId NOT_EQUAL; " +
        "values not shown: the trust policy holds the external ID)",
    );
    noCanary(run);
    expect(run.stdout).not.toContain("canary-changed-external-id");
  });

  test("a member account without a stack instance has no role: drift, named by account", async () => {
    const instances = cfn.stackSets.get(STACK_SET)!.instances;
    const [first, second] = instances;
    instances.splice(1, 1);
    try {
      const run = await verify();
      expect(run.code).toBe(3);
      expect(run.stdout).toContain(
        `account without role: aws-account:${second!.account} (no stack instance of ${STACK_SET}) ` +
          `[StackSet ${STACK_SET} (us-east-1)]`,
      );
      expect(run.stdout).not.toContain(`aws-account:${first!.account}`);
      expect(run.stdout).toContain("member accounts with the role: 1 of 2");
    } finally {
      instances.push(second!);
    }
  });

  test("another operation on the StackSet: the last statuses stand and the facts say so", async () => {
    cfn.busy = true;
    const run = await verify(undefined, "--format", "json");
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).connectors[0].facts).toContainEqual({
      label: "member drift detection",
      value:
        "not started: another operation runs on the StackSet; statuses of the last detection: " +
        "0 in sync, 0 drifted, 2 not checked",
    });
    // A member the last detection found drifted stays drift, though what drifted needs a new one.
    const [first] = cfn.stackSets.get(STACK_SET)!.instances;
    first!.driftStatus = "DRIFTED";
    first!.lastDriftCheck = new Date("2026-12-01T08:00:00Z");
    const drifted = await verify();
    expect(drifted.code).toBe(3);
    expect(drifted.stdout).toContain(
      `condition changed (write): IAM role ${ROLE} @ aws-account:${first!.account} ` +
        "(DRIFTED at the last detection (2026-12-01 08:00Z); run verify again for what)", // the table's minutes
    );
  });

  test("no member profile: the member role is not read directly, and a fact says how to", async () => {
    const run = await verify({ INSIGHTS_AWS_MEMBER_PROFILE: "" });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("member role: not read directly (set INSIGHTS_AWS_MEMBER_PROFILE");
  });
});
