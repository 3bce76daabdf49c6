import { createHash } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CloudFormationClient, DeleteStackCommand, DescribeStacksCommand } from "@aws-sdk/client-cloudformation";
import { GetRoleCommand, IAMClient, NoSuchEntityException } from "@aws-sdk/client-iam";
import { InsightsEmulator } from "../../providers/insights/emulator/server";
import { EMULATOR_DEFAULT_SITE } from "../../register/insights-target";
import { spawnCliAsync } from "../helpers/cli";
import { configWith } from "../helpers/config-text";
import { startMoto, type Moto } from "../helpers/moto";
import { requireTool } from "../helpers/require-tool";
import { INSIGHTS_CONNECTOR_KINDS } from "../../connectors/catalog";

/** moto's default account: the role's ARN carries it. */
const ACCOUNT = "123456789012";
const ROLE = "BeyondTrustInsightsReadOnly";
const AWS_CONNECTOR = [
  "kind: aws",
  "name: AWS",
  `managementAccountId: "${ACCOUNT}"`,
  "trustedPrincipal: arn:aws:iam::222222222222:root",
  // Not set in the environment: an emulator tenant's external ID comes from the Insights API.
  "externalId: env:UNSET_EXTERNAL_ID",
].join("\n");
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
const motoServer = requireTool("moto", "up/down end-to-end for AWS");

motoServer.describe(`up and down for AWS against moto and the Insights emulator${motoServer.note}`, () => {
  let moto: Moto;
  let emulator: InsightsEmulator;
  let work: string;
  let configFile: string;
  const client = () => moto.clientConfig;
  const env = () => ({
    ...process.env,
    ...moto.awsEnv,
    CDK_DISABLE_VERSION_CHECK: "1",
    INSIGHTS_STATE_DIR: join(work, "state"),
  });
  // --cdk-method direct: moto's change-set path drops stack outputs; CreateStack keeps them.
  const cli = (command: string, ...extra: string[]) =>
    spawnCliAsync(
      [
        command,
        "--config",
        configFile,
        "--tenant",
        "acme",
        "--state-dir",
        join(work, "state"),
        "--cdk-method",
        "direct",
        ...extra,
      ],
      env(),
    );
  const upJson = async () => {
    const run = await cli("up", "--yes", "--format", "json", "--settle-timeout", "30");
    expect([run.code, run.stderr.split("\n").filter((l) => /error/i.test(l))]).toEqual([0, []]);
    return JSON.parse(run.stdout) as {
      connectors: { outcome: string; registration?: { action: string; connectivity: string } }[];
    };
  };

  beforeAll(async () => {
    moto = await startMoto();
    emulator = await InsightsEmulator.start({ kinds: INSIGHTS_CONNECTOR_KINDS, checkDelayMs: 50 });
    work = mkdtempSync(join(tmpdir(), "up-down-aws-"));
    configFile = join(work, "tenants.yaml");
    writeFileSync(configFile, configWith([AWS_CONNECTOR], `adapter: emulator\nurl: ${emulator.url}`));
  });
  afterAll(async () => {
    if (moto) {
      const cloudFormation = new CloudFormationClient(client());
      await cloudFormation.send(new DeleteStackCommand({ StackName: "acme-aws" })).catch(() => undefined);
      cloudFormation.destroy();
    }
    moto?.stop();
    await emulator?.stop();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  test("up: nothing to Connected with the external ID Insights gave; up again: no change; down: no role, no connector", async () => {
    const first = await upJson();
    expect(first.connectors.map((c) => [c.outcome, c.registration?.action, c.registration?.connectivity])).toEqual([
      ["converged", "create", "Connected"],
    ]);
    const iam = new IAMClient(client());
    const cloudFormation = new CloudFormationClient(client());
    const role = await iam.send(new GetRoleCommand({ RoleName: ROLE }));
    const trust = JSON.parse(decodeURIComponent(role.Role!.AssumeRolePolicyDocument!));
    // The emulator's documented external ID for its site (providers/insights/emulator/server.ts).
    const externalId = createHash("sha256").update(`external-id\n${EMULATOR_DEFAULT_SITE}`).digest("hex").slice(0, 32);
    expect(trust.Statement[0].Condition).toEqual({ StringEquals: { "sts:ExternalId": externalId } });
    const [registered] = await emulator.all();
    expect(registered.settings.roleArn).toBe(role.Role!.Arn);

    const again = await upJson();
    expect(again.connectors.map((c) => [c.outcome, c.registration?.action])).toEqual([["converged", "unchanged"]]);
    expect((await emulator.all()).map((c) => c.updatedAt)).toEqual([registered.updatedAt]);
    expect((await cloudFormation.send(new DescribeStacksCommand({ StackName: "acme-aws" }))).Stacks).toHaveLength(1);

    const refused = await cli("down");
    expect([refused.code, refused.stderr]).toEqual([2, expect.stringContaining("add --yes")]);
    expect(await emulator.all()).toHaveLength(1);

    const down = await cli("down", "--yes");
    expect([down.code, down.stdout]).toEqual([0, expect.stringContaining("nothing is left behind")]);
    expect(await emulator.all()).toEqual([]);
    await expect(iam.send(new GetRoleCommand({ RoleName: ROLE }))).rejects.toBeInstanceOf(NoSuchEntityException);
    iam.destroy();
    cloudFormation.destroy();
  }, 600_000);
});
