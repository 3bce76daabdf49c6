import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathWithout, REGISTER_TS, REPO } from "../../helpers/cli";
import { filesUnder } from "../../helpers/files";
import { plannedStacks } from "../../helpers/planned-stacks";
import { requireTool } from "../../helpers/require-tool";
import { CANARY_ENV } from "../../register/helpers";
import { PREVIEW_CONTEXT } from "../../../providers/engines/terraform";

const CANARY = "CANARY-cdktf-7f3a91";
/** Every secret reference the examples use, set to a canary value. */
const SECRET_ENV = Object.keys(CANARY_ENV);

/**
 * A clean environment: node on PATH but no terraform, an empty HOME, no cloud
 * credentials, canary values for every secret reference.
 */
function cleanEnv(home: string, extra: Record<string, string>): NodeJS.ProcessEnv {
  return {
    PATH: pathWithout("terraform"),
    HOME: home,
    CHECKPOINT_DISABLE: "1",
    CI: "1",
    ...Object.fromEntries(SECRET_ENV.map((name) => [name, `${CANARY}-${name}`])),
    ...extra,
  };
}

describe("the CDKTF app (cdktf.json)", () => {
  let work: string;
  beforeEach(() => {
    work = mkdtempSync(join(tmpdir(), "cdktf-app-"));
  });
  afterEach(() => rmSync(work, { recursive: true, force: true }));

  /** bin/cdktf-app.ts from its source, in `cwd`, with a clean environment plus `extra`. */
  const runApp = (cwd: string, extra: Record<string, string>) =>
    spawnSync(process.execPath, ["-r", REGISTER_TS, join(REPO, "bin", "cdktf-app.ts")], {
      cwd,
      env: cleanEnv(join(work, "home"), extra),
      encoding: "utf8",
      timeout: 120_000,
    });

  const cdktfCli = requireTool("cdktf-cli", "`cdktf synth` of the CDKTF app");
  cdktfCli.test(
    `\`cdktf synth\` works with no terraform and no credentials, naming stacks <tenant>-azure, -gcp and -pingone, and writes no secret${cdktfCli.note}`,
    () => {
      const out = join(work, "out");
      const run = spawnSync(join(REPO, "node_modules/.bin/cdktf"), ["synth", "--output", out], {
        cwd: REPO,
        env: cleanEnv(join(work, "home"), { INSIGHTS_CONFIG: "examples/all-sources.yaml" }),
        encoding: "utf8",
        timeout: 120_000,
      });
      expect({ status: run.status, stderr: run.status === 0 ? "" : run.stderr }).toEqual({ status: 0, stderr: "" });
      const stacks = plannedStacks("all-sources.yaml", "cdktf");
      expect(stacks).toEqual(expect.arrayContaining(["acme-prod-azure", "acme-prod-gcp", "acme-prod-pingone"]));
      const generated = /Generated Terraform code for the stacks: (.*)/.exec(run.stdout.replace(/\s+/g, " ").trim());
      expect(generated?.[1]?.split(", ").sort()).toEqual(stacks);
      expect(readdirSync(join(out, "stacks")).sort()).toEqual(stacks);

      const files = filesUnder(out);
      expect(files.some((f) => f.endsWith("acme-prod-azure/cdk.tf.json"))).toBe(true);
      const everything = [run.stdout, run.stderr, ...files.map((f) => readFileSync(f, "utf8"))].join("\n");
      expect(everything).not.toContain(CANARY);
      expect(everything).not.toMatch(/-----BEGIN [A-Z ]*PRIVATE KEY-----/);
      expect(everything).not.toMatch(/"private_key_id"|"type"\s*:\s*"service_account"/);
      // The only secrets the stacks handle are outputs, and those are marked sensitive.
      for (const stack of stacks) {
        const json = JSON.parse(readFileSync(join(out, "stacks", stack, "cdk.tf.json"), "utf8"));
        const secretOutputs = Object.entries(json.output).filter(
          // The secret's times and generations are not secret: the stacks output them for status and up.
          ([name]) => /secret|key$/.test(name) && !/_(rotation_due|created_at|generations)$/.test(name),
        );
        expect(secretOutputs.length).toBe(1);
        for (const [, output] of secretOutputs)
          expect(output).toMatchObject({ sensitive: true, value: expect.stringMatching(/^\$\{.+\}$/) });
      }
    },
  );

  test("a bad config exits 2 naming file, line and field, and nothing is synthesized", () => {
    const file = join(work, "tenants.yaml");
    const text = readFileSync(join(REPO, "examples", "azure-only.yaml"), "utf8");
    const bad = text.replace(/tenantId: [0-9a-f-]+/, "tenantId: contoso.onmicrosoft.com");
    expect(bad).not.toBe(text);
    writeFileSync(file, bad);
    const out = join(work, "out");
    const run = runApp(REPO, { INSIGHTS_CONFIG: file, CDKTF_OUTDIR: out });
    const line = bad.split("\n").findIndex((l) => l.includes("tenantId: contoso")) + 1;
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(
      new RegExp(
        `^${file.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}:${line}:\\d+  tenants\\[0\\]\\.connectors\\[0\\]\\.tenantId  .*GUID`,
        "m",
      ),
    );
    expect(run.stderr).toContain("nothing was synthesized");
    expect(existsSync(out) ? filesUnder(out) : []).toEqual([]);
  });

  test("a preview's synthesis (the insightsPreview context) reads state from before the state folder where it is, and moves nothing", () => {
    // The app's working folder is where cdktf kept state before main ff3f49e (stacks/terraform/legacy-state.ts).
    const legacy = join(work, "terraform.acme-prod-azure.tfstate");
    const state = '{"version":4,"serial":3,"lineage":"preview-test","resources":[]}';
    writeFileSync(legacy, state);
    const synthesize = (context: Record<string, unknown>, out: string) =>
      runApp(work, {
        CDKTF_OUTDIR: join(work, out),
        CDKTF_CONTEXT_JSON: JSON.stringify({ config: join(REPO, "examples", "all-sources.yaml"), ...context }),
        INSIGHTS_STATE_DIR: join(work, "state"),
      });
    const backend = (out: string) =>
      JSON.parse(readFileSync(join(work, out, "stacks", "acme-prod-azure", "cdk.tf.json"), "utf8")).terraform.backend
        .local.path;

    const preview = synthesize({ [PREVIEW_CONTEXT]: true }, "preview");
    expect({ status: preview.status, stderr: preview.stderr }).toEqual({ status: 0, stderr: "" });
    expect(backend("preview")).toBe(legacy);
    expect(readFileSync(legacy, "utf8")).toBe(state);
    expect(existsSync(join(work, "state"))).toBe(false);

    // The apply's synthesis moves it, and says so.
    const apply = synthesize({}, "apply");
    expect(apply.status).toBe(0);
    expect(apply.stderr).toContain(`stack acme-prod-azure: moved its Terraform state from ${legacy}`);
    expect(backend("apply")).toBe(join(work, "state", "terraform", "acme-prod-azure.tfstate"));
    expect(existsSync(legacy)).toBe(false);
  });
});
