// The preview's reading of `terraform plan -json` (providers/engines/terraform-plan.ts), against what
// Terraform itself streams: terraform_data stands in for the providers this machine cannot download.
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { terraformPlan, type TerraformStackRun } from "../../providers/engines/terraform";
import { runEngine } from "../../providers/engines/run-engine";
import { requireTool } from "../helpers/require-tool";

const terraform = requireTool("terraform", "terraform plan -json previews");
const CANARY = "canary-plan-secret-5d2e";

terraform.describe(`terraform plan -json read as a preview${terraform.note}`, () => {
  let work: string;
  beforeEach(() => (work = mkdtempSync(join(tmpdir(), "plan-preview-"))));
  afterEach(() => rmSync(work, { recursive: true, force: true }));

  /** A "stack" folder as the engine plans it: `stacks/<name>/` holding the configuration. */
  const stack = (config: object): TerraformStackRun => {
    const dir = join(work, "stacks", "demo");
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, "main.tf.json"), JSON.stringify(config));
    return {
      stackName: "demo",
      configFile: "unused.yaml",
      cdktfOut: work,
      stateDir: join(work, "state"),
      variables: { secret: CANARY },
      yes: false,
      env: { ...process.env, TF_CLI_CONFIG_FILE: "/dev/null" },
    };
  };
  const variable = { secret: { type: "string", sensitive: true } };

  test("creates, updates, replacements and moves as Terraform plans them; no variable value in the stream, no plan file", async () => {
    const first = stack({
      variable,
      resource: {
        terraform_data: {
          kept: { input: "a" },
          changed: { input: "before" },
          replaced: { triggers_replace: ["one"] },
          old_name: { input: "moves" },
        },
      },
    });
    await runEngine("terraform", ["init", "-input=false", "-no-color"], {
      cwd: join(work, "stacks", "demo"),
      env: first.env,
      install: "",
    });
    await runEngine("terraform", ["apply", "-auto-approve", "-input=false", "-no-color"], {
      cwd: join(work, "stacks", "demo"),
      env: { ...first.env, TF_VAR_secret: CANARY },
      install: "",
    });
    const lines: string[] = [];
    const second = stack({
      variable,
      moved: [{ from: "terraform_data.old_name", to: "terraform_data.new_name" }],
      resource: {
        terraform_data: {
          kept: { input: "a" },
          changed: { input: "${var.secret}" },
          replaced: { triggers_replace: ["two"] },
          new_name: { input: "moves" },
          added: { input: "new" },
        },
      },
    });
    const changes = await terraformPlan("terraform", "apply", { ...second, onOutput: (l) => lines.push(l) });
    expect(changes).toEqual([
      { address: "terraform_data.added", type: "terraform_data", action: "create" },
      { address: "terraform_data.changed", type: "terraform_data", action: "update" },
      {
        address: "terraform_data.new_name",
        type: "terraform_data",
        action: "no-op",
        reason: "moved from terraform_data.old_name",
      },
      { address: "terraform_data.replaced", type: "terraform_data", action: "replace", reason: "cannot_update" },
    ]);
    // Each streamed message handed on as its human text, and the sensitive variable nowhere.
    expect(lines).toContain("terraform_data.added: Plan to create");
    expect(lines.join("\n")).not.toContain(CANARY);
    expect(readdirSync(join(work, "stacks", "demo")).filter((f) => /plan|\.out$/.test(f))).toEqual([]);
  }, 180_000);

  test("a plan Terraform refuses rejects with its error diagnostic, not the JSON", async () => {
    const broken = stack({
      variable: { required: { type: "string" } },
      resource: { terraform_data: { x: { input: "${var.required}" } } },
    });
    await expect(terraformPlan("terraform", "apply", broken)).rejects.toThrow(
      /^terraform plan \(demo\) exited 1: No value for required variable:/,
    );
  }, 180_000);
});
