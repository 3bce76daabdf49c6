import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { App, Stack } from "aws-cdk-lib";
import { PolicyStatement, Role, AccountRootPrincipal } from "aws-cdk-lib/aws-iam";
import { loadConfig } from "../../../config/load";
import { addPlannedCdkStacks } from "../../../kinds/apps";
import { buildPlan } from "../../../plan/build";
import { REPO } from "../../helpers/cli";
import { requireTool } from "../../helpers/require-tool";

const EXAMPLES = ["all-sources.yaml", "aws-single-account.yaml"];

/** The example's stacks as the CDK app (bin/cdk-app.ts) builds them: with the cdk-nag pack. */
async function synthExample(file: string, outdir: string): Promise<App> {
  const app = new App({ outdir });
  await addPlannedCdkStacks(app, buildPlan(loadConfig(join(REPO, "examples", file))));
  return app;
}

describe("cdk-nag AwsSolutionsChecks", () => {
  test.each(EXAMPLES)("passes on %s with only the reasoned acknowledgements", async (file) => {
    const outdir = mkdtempSync(join(tmpdir(), "nag-"));
    try {
      const app = await synthExample(file, outdir);
      expect(() => app.synth()).not.toThrow();
    } finally {
      rmSync(outdir, { recursive: true, force: true });
    }
  });

  test("fails synth on an unacknowledged finding (proves the pack is active)", async () => {
    const outdir = mkdtempSync(join(tmpdir(), "nag-"));
    try {
      const app = await synthExample("aws-single-account.yaml", outdir);
      const stack = new Stack(app, "careless");
      const role = new Role(stack, "Careless", { assumedBy: new AccountRootPrincipal() });
      role.addToPolicy(new PolicyStatement({ actions: ["iam:*"], resources: ["*"] }));
      let message = "";
      try {
        app.synth();
      } catch (error) {
        message = String(error);
      }
      expect(message).toMatch(/^ValidationFailed/);
      expect(message).toContain("AwsSolutions::AwsSolutions-IAM5[Action::iam:*]");
      expect(message).toContain("careless/Careless/DefaultPolicy");
      expect(message).not.toContain("acme-dev-aws");
    } finally {
      rmSync(outdir, { recursive: true, force: true });
    }
  });
});

const cfnLint = requireTool("cfn-lint", "cfn-lint checks");

describe("cfn-lint", () => {
  cfnLint.test.each(EXAMPLES)(
    `reports no error or warning on every template synthesized from %s${cfnLint.note}`,
    async (file) => {
      const outdir = mkdtempSync(join(tmpdir(), "lint-"));
      try {
        (await synthExample(file, outdir)).synth();
        const templates = readdirSync(outdir)
          .filter((f) => f.endsWith(".template.json"))
          .map((f) => join(outdir, f));
        expect(templates.length).toBeGreaterThan(0);
        const result = spawnSync("cfn-lint", ["--format", "parseable", ...templates], { encoding: "utf8" });
        expect(result.stdout + result.stderr).toBe("");
        expect(result.status).toBe(0);
      } finally {
        rmSync(outdir, { recursive: true, force: true });
      }
    },
  );

  cfnLint.test(`finds problems in a broken template (proves the check can fail)${cfnLint.note}`, () => {
    const outdir = mkdtempSync(join(tmpdir(), "lint-"));
    try {
      const path = join(outdir, "broken.template.json");
      require("node:fs").writeFileSync(
        path,
        JSON.stringify({ Resources: { R: { Type: "AWS::IAM::Role", Properties: { Bogus: 1 } } } }),
      );
      const result = spawnSync("cfn-lint", ["--format", "parseable", path], { encoding: "utf8" });
      expect(result.status).not.toBe(0);
      expect(result.stdout).toMatch(/E\d{4}/);
    } finally {
      rmSync(outdir, { recursive: true, force: true });
    }
  });
});
