import { cloudFormationOutputSource } from "../../register/outputs";
import { UNREACHABLE_AWS_ENV } from "../helpers/moto";

// A file of its own: the SDK emits the notice once per module registry, and jest gives each file a fresh one.
test("reading CloudFormation outputs keeps the AWS SDK's Node-version notice out of the output", async () => {
  const warnings: string[] = [];
  const emitWarning = jest
    .spyOn(process, "emitWarning")
    .mockImplementation((w: string | Error) => void warnings.push(String(w)));
  const saved = { ...process.env };
  // A closed port on this machine: the call fails at once, no credentials or network needed.
  Object.assign(process.env, UNREACHABLE_AWS_ENV);
  delete process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED;
  try {
    await expect(cloudFormationOutputSource().outputs("acme-prod-aws", "aws-cdk")).rejects.toThrow(
      /CloudFormation DescribeStacks acme-prod-aws/,
    );
    expect(warnings.filter((w) => /NodeVersionSupportWarning|will require node/.test(w))).toEqual([]);
  } finally {
    process.env = saved;
    emitWarning.mockRestore();
  }
});
