import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
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

const work = mkdtempSync(join(tmpdir(), "lint-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Each example synthesized once, for cdk-nag and cfn-lint both: its templates, or what synth threw. */
const synthesized = new Map<string, Promise<{ templates: string[]; error?: unknown }>>();
function synthesizedOnce(file: string): Promise<{ templates: string[]; error?: unknown }> {
  if (!synthesized.has(file)) {
    const outdir = join(work, file);
    const result = synthExample(file, outdir).then((app) => {
      try {
        app.synth();
      } catch (error) {
        return { templates: [], error };
      }
      const templates = readdirSync(outdir).filter((f) => f.endsWith(".template.json"));
      return { templates: templates.map((f) => join(outdir, f)) };
    });
    synthesized.set(file, result);
  }
  return synthesized.get(file)!;
}

describe("cdk-nag AwsSolutionsChecks", () => {
  test.each(EXAMPLES)("passes on %s with only the reasoned acknowledgements", async (file) => {
    expect((await synthesizedOnce(file)).error).toBeUndefined();
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

/** A template cfn-lint must fault: a property IAM roles do not have. */
const BROKEN = { Resources: { R: { Type: "AWS::IAM::Role", Properties: { Bogus: 1 } } } };

/**
 * One cfn-lint run over every example's templates and the broken one (each run of cfn-lint
 * spends seconds loading its specifications): its findings, one `parseable` line each, by file.
 */
let linted: Promise<{ findings: Map<string, string[]>; stderr: string; status: number | null }> | undefined;
function lintOnce(): NonNullable<typeof linted> {
  linted ??= (async () => {
    const broken = join(work, "broken.template.json");
    writeFileSync(broken, JSON.stringify(BROKEN));
    const templates = [broken];
    for (const file of EXAMPLES) templates.push(...(await synthesizedOnce(file)).templates);
    const result = spawnSync("cfn-lint", ["--format", "parseable", ...templates], { encoding: "utf8" });
    const findings = new Map<string, string[]>(templates.map((t) => [t, []]));
    for (const line of result.stdout.split("\n").filter(Boolean)) {
      // A line of no template (a crash, a usage error) is kept under "" and fails every test.
      const file = templates.find((t) => line.startsWith(`${t}:`)) ?? "";
      findings.set(file, [...(findings.get(file) ?? []), line]);
    }
    return { findings, stderr: result.stderr, status: result.status };
  })();
  return linted;
}

describe("cfn-lint", () => {
  cfnLint.test.each(EXAMPLES)(
    `reports no error or warning on every template synthesized from %s${cfnLint.note}`,
    async (file) => {
      const { templates } = await synthesizedOnce(file);
      expect(templates.length).toBeGreaterThan(0);
      const { findings, stderr } = await lintOnce();
      expect([stderr, findings.get("") ?? []]).toEqual(["", []]);
      for (const template of templates) expect([template, findings.get(template)]).toEqual([template, []]);
    },
  );

  cfnLint.test(`finds problems in a broken template (proves the check can fail)${cfnLint.note}`, async () => {
    const { findings, status } = await lintOnce();
    expect(status).not.toBe(0);
    const broken = [...findings].find(([file]) => file.endsWith("broken.template.json"))![1];
    expect(broken.join("\n")).toMatch(/E\d{4}/);
  });
});
