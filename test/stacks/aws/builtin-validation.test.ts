// aws-cdk-lib's built-in CloudFormation validator, at full strength: on (the suite turns it off
// elsewhere for speed, test/setup/suite-environment.ts) and with cdk.json's context, whose
// `@aws-cdk/core:validateAgainstDefaultRules` makes its findings fail the synthesis as `cdk deploy`
// and `up` run it. Every AWS stack shape the examples and options give must pass it without a finding.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { App, Stack } from "aws-cdk-lib";
import { CfnRole } from "aws-cdk-lib/aws-iam";
import { parseConfig } from "../../../config/load";
import { addPlannedCdkStacks } from "../../../kinds/apps";
import { buildPlan } from "../../../plan/build";
import { engineAppContext } from "../../../providers/engines/toolkit-root";
import { REPO } from "../../helpers/cli";
import { configWith, VALID } from "../../helpers/config-text";
import { withoutSuiteSetting } from "../../helpers/full-strength";

const example = (file: string) => readFileSync(join(REPO, "examples", file), "utf8");
const SHAPES: [string, string][] = [
  ["an organization with its member-account StackSet (examples/all-sources.yaml)", example("all-sources.yaml")],
  ["a single account (examples/aws-single-account.yaml)", example("aws-single-account.yaml")],
  [
    "a single account with a permissions boundary and a 12-hour session",
    configWith([
      `${VALID.aws}\npermissionsBoundary: arn:aws:iam::111111111111:policy/InsightsBoundary\nmaxSessionDurationSeconds: 43200`,
    ]),
  ],
];

withoutSuiteSetting("CDK_VALIDATION");
let outdir: string;
beforeEach(() => (outdir = mkdtempSync(join(tmpdir(), "builtin-validation-"))));
afterEach(() => rmSync(outdir, { recursive: true, force: true }));

/** The validator's plugin name (aws-cdk-lib core/lib/validation/cloudformation-validate-plugin.js PLUGIN_NAME). */
const VALIDATOR = "CloudFormation Validate";

/** The validation report of a synthesis into `outdir`: the plugins that found anything (a clean one is left out). */
function findings(): { pluginName: string; violations: unknown[] }[] {
  const report = JSON.parse(readFileSync(join(outdir, "validation-report.json"), "utf8"));
  return report.pluginReports.map((r: { pluginName: string; violations: unknown[] }) => ({
    pluginName: r.pluginName,
    violations: r.violations,
  }));
}

describe("aws-cdk-lib's built-in CloudFormation validator, with cdk.json's context", () => {
  test.each(SHAPES)("%s: synthesizes with no finding", async (_shape, text) => {
    const app = new App({ outdir, context: engineAppContext("cdk.json") });
    const stacks = await addPlannedCdkStacks(app, buildPlan(parseConfig(text, "tenants.yaml", REPO)));
    expect(stacks.length).toBeGreaterThan(0);
    app.synth();
    const reports = findings();
    expect(reports.filter((r) => r.pluginName === VALIDATOR)).toEqual([]);
    // cdk-nag's pack reports through the same channel: acknowledged findings only.
    expect(reports.flatMap((r) => r.violations)).toEqual([]);
  });

  test("it is on here: a role CloudFormation would refuse fails the synthesis", () => {
    const app = new App({ outdir, context: engineAppContext("cdk.json") });
    const stack = new Stack(app, "broken");
    new CfnRole(stack, "Role", { assumeRolePolicyDocument: {}, maxSessionDuration: 60 });
    expect(() => app.synth()).toThrow(
      /MaxSessionDuration: 60 is less than the minimum of 3600 \(CloudFormation Validate\)/,
    );
    expect(findings().map((r) => r.pluginName)).toEqual([VALIDATOR]);
  });
});
