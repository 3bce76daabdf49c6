import { CloudFormationClient, CreateStackCommand, DescribeStacksCommand } from "@aws-sdk/client-cloudformation";
import { cloudFormationOutputSource } from "../../register/outputs";
import { startMoto, type Moto } from "../helpers/moto";
import { requireTool } from "../helpers/require-tool";

const motoServer = requireTool("moto", "CloudFormation output source");

motoServer.describe(`CloudFormation stack outputs against moto on 127.0.0.1${motoServer.note}`, () => {
  let moto: Moto;
  const saved = { ...process.env };
  beforeAll(async () => {
    moto = await startMoto();
    Object.assign(process.env, {
      AWS_ENDPOINT_URL: moto.endpoint,
      AWS_ACCESS_KEY_ID: "testing",
      AWS_SECRET_ACCESS_KEY: "testing",
      AWS_REGION: "us-east-1",
    });
  }, 60_000);
  afterAll(() => {
    moto?.stop();
    process.env = saved;
  });

  test("reads a deployed stack's outputs; a stack that does not exist is simply not deployed", async () => {
    const client = new CloudFormationClient({});
    const template = {
      Resources: { Topic: { Type: "AWS::SNS::Topic" } },
      Outputs: { ARN: { Value: "arn:aws:iam::111111111111:role/BeyondTrustInsightsReadOnly" } },
    };
    await client.send(new CreateStackCommand({ StackName: "acme-prod-aws", TemplateBody: JSON.stringify(template) }));
    for (let i = 0; i < 50; i++) {
      const { Stacks } = await client.send(new DescribeStacksCommand({ StackName: "acme-prod-aws" }));
      if (Stacks?.[0]?.StackStatus === "CREATE_COMPLETE") break;
      await new Promise((r) => setTimeout(r, 100));
    }
    client.destroy();
    const source = cloudFormationOutputSource();
    expect(await source.outputs("acme-prod-aws", "aws-cdk")).toEqual({
      ARN: "arn:aws:iam::111111111111:role/BeyondTrustInsightsReadOnly",
    });
    expect(await source.outputs("acme-dev-aws", "aws-cdk")).toBeUndefined();
    expect(await source.outputs("acme-prod-aws", "cdktf")).toBeUndefined();
  }, 60_000);
});
