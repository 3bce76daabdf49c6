import { mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { REPO, runCli } from "../helpers/cli";

/**
 * The head's artifacts as data: `plan --artifacts-dir` writes every synthesized artifact, and
 * `diff --head-artifacts` plans the head's config with the reading code and takes every grant
 * from those files with its own extractors. test/review/base-judges-head.test.ts runs the two
 * sides from two checkouts; here both are this code, so the files are what is varied.
 */
const CONFIG = join(REPO, "examples", "all-sources.yaml");
const STACKS = ["aws", "azure", "gcp", "github", "okta", "pingone"].map((kind) => `acme-prod-${kind}`);
/** Every secret reference of examples/all-sources.yaml, set to a canary that must never be written. */
const CANARY = "canary-secret-7f3c91";
const SECRET_VARIABLES = ["EPM_CLIENT_SECRET", "PS_API_KEY", "PS_PASSWORD", "PS_ONPREM_API_KEY", "PRA_CLIENT_SECRET"];

describe("artifact folder: the head synthesizes, the reader judges", () => {
  let dir: string;
  let artifacts: string;
  let basePlan: string;
  const file = (stack: string) => join(artifacts, "acme-prod", `${stack}.json`);
  const judge = (folder = artifacts, ...more: string[]) =>
    runCli("diff", "--config", CONFIG, "--base", basePlan, "--head-artifacts", folder, ...more);
  /** A copy of the folder with one stack's file rewritten by `change`. */
  const tampered = (stack: string, change: (envelope: any) => any): string => {
    const copy = mkdtempSync(join(dir, "tampered-"));
    for (const name of readdirSync(join(artifacts, "acme-prod"))) {
      const text = readFileSync(join(artifacts, "acme-prod", name), "utf8");
      const target = join(copy, "acme-prod");
      require("node:fs").mkdirSync(target, { recursive: true });
      const rewritten = name === `${stack}.json` ? JSON.stringify(change(JSON.parse(text))) : text;
      writeFileSync(join(target, name), rewritten);
    }
    return copy;
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "artifact-folder-"));
    artifacts = join(dir, "artifacts");
    for (const name of SECRET_VARIABLES) process.env[name] = CANARY;
    const run = await runCli("plan", "--config", CONFIG, "--format", "json", "--artifacts-dir", artifacts);
    expect([run.code, run.stderr]).toEqual([0, ""]);
    basePlan = join(dir, "base.plan.json");
    writeFileSync(basePlan, run.stdout);
  }, 180_000);
  afterAll(() => {
    for (const name of SECRET_VARIABLES) delete process.env[name];
    rmSync(dir, { recursive: true, force: true });
  });

  test("one file per stack, named <tenant>/<stack>.json, with the envelope the reader checks, and no secret", () => {
    expect(readdirSync(join(artifacts, "acme-prod")).sort()).toEqual(STACKS.map((s) => `${s}.json`));
    const github = JSON.parse(readFileSync(file("acme-prod-github"), "utf8"));
    expect(github).toMatchObject({
      artifactsVersion: 1,
      tenant: "acme-prod",
      stack: "acme-prod-github",
      kind: "github",
      engine: "github-app-manifest",
      artifact: { default_permissions: expect.objectContaining({ members: "read" }) },
    });
    for (const stack of STACKS) expect(readFileSync(file(stack), "utf8")).not.toContain(CANARY);
  });

  test("the same artifacts judged against the plan that made them: no change, exit 0", async () => {
    const run = await judge(artifacts, "--format", "json");
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ connectors: [], escalations: [] });
  });

  test("a write permission in the head's manifest is classified by the reader's code: exit 3", async () => {
    const head = tampered("acme-prod-github", (e) => ({
      ...e,
      artifact: { ...e.artifact, default_permissions: { ...e.artifact.default_permissions, administration: "write" } },
    }));
    const run = await judge(head, "--format", "json");
    expect(run.code).toBe(3);
    const diff = JSON.parse(run.stdout);
    expect(diff.escalations.map((e: { message: string }) => e.message)).toContain(
      "acme-prod/Acme GitHub: grants write github-app-permission administration @ github-org:acme",
    );
  });

  test("a missing, foreign or malformed file is refused, every problem named, exit 2", async () => {
    const missing = tampered("acme-prod-okta", (e) => e);
    rmSync(join(missing, "acme-prod", "acme-prod-okta.json"));
    const run = await judge(missing);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`${join(missing, "acme-prod", "acme-prod-okta.json")}: missing`);

    const foreign = tampered("acme-prod-aws", (e) => ({ ...e, stack: "acme-prod-gcp", engine: "cdktf" }));
    const refused = await judge(foreign);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('acme-prod-aws.json: stack "acme-prod-gcp", planned acme-prod-aws');
    expect(refused.stderr).toContain('engine "cdktf", planned aws-cdk');

    const shapeless = tampered("acme-prod-okta", (e) => ({ ...e, artifact: [{ type: 1, name: "x", inputs: {} }] }));
    const bad = await judge(shapeless);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("acme-prod-okta.json: not a pulumi artifact (0.type: ");
  });

  test("a symlink in place of an artifact is followed only to a regular file within the size cap", async () => {
    const linked = tampered("acme-prod-gcp", (e) => e);
    const target = join(linked, "acme-prod", "acme-prod-gcp.json");
    rmSync(target);
    symlinkSync("/dev/zero", target);
    const run = await judge(linked);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("acme-prod-gcp.json is under /dev");
  });

  test("--artifacts-dir wants a new folder and synthesis; --head and --head-artifacts are one or the other", async () => {
    const reused = await runCli("plan", "--config", CONFIG, "--artifacts-dir", artifacts);
    expect([reused.code, reused.stderr]).toEqual([
      2,
      `error: ${artifacts} is not empty: give a new folder for the artifacts\n`,
    ]);
    const both = await runCli(
      "diff",
      "--config",
      CONFIG,
      "--base",
      basePlan,
      "--head",
      basePlan,
      "--head-artifacts",
      artifacts,
    );
    expect(both.code).toBe(2);
    expect(both.stderr).toContain("--head and --head-artifacts both give the head: give one");
    const unread = await runCli("plan", "--config", CONFIG, "--no-extract", "--artifacts-dir", join(dir, "new"));
    expect([unread.code, unread.stderr]).toEqual([
      2,
      "error: --artifacts-dir synthesizes the stacks: drop --no-extract\n",
    ]);
  });
});
