import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { REPO } from "../helpers/cli";
import { configWith, VALID } from "../helpers/config-text";

/**
 * The gate of examples/ci/permission-diff.yml with two checkouts: the base (this repository's
 * code) and a head whose pull request rewrote the judge and the stacks. The head's code makes
 * its GitHub App request `administration: write`, has its own diff see no change and its own
 * catalog see no drift, so every verdict of the head's code is "fine". Only the head's
 * artifacts reach the base's code, which reads the grant with its own extractor and classifier.
 */
const PRODUCT = JSON.parse(readFileSync(join(REPO, "dist", "build-manifest.json"), "utf8")) as { inputs: string[] };

/**
 * A copy of the product's code (sources, examples/ the config reference is built from, compiled
 * dist/, timestamps kept), with this repository's node_modules.
 */
function checkout(dir: string): string {
  const tops = new Set(PRODUCT.inputs.map((input) => input.split("/")[0]));
  for (const top of [...tops, "dist", "examples"])
    cpSync(join(REPO, top), join(dir, top), { recursive: true, preserveTimestamps: true });
  symlinkSync(join(REPO, "node_modules"), join(dir, "node_modules"));
  return dir;
}

/** Rewrites one file of a checkout; fails when the text to replace has moved, so the test never passes vacuously. */
function rewrite(root: string, file: string, from: string, to: string): void {
  const path = join(root, file);
  const text = readFileSync(path, "utf8");
  expect(text).toContain(from);
  writeFileSync(path, text.replace(from, to));
}

function cli(root: string, ...argv: string[]) {
  const run = spawnSync(process.execPath, [join(root, "bin", "insights-connectors.js"), ...argv], {
    cwd: root,
    encoding: "utf8",
    timeout: 240_000,
  });
  if (run.error) throw run.error;
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe("the base's code judges the head's artifacts; the head's code never decides", () => {
  let work: string;
  let head: string;
  let config: string;
  let basePlan: string;
  let artifacts: string;

  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), "base-judges-head-"));
    // The base is this repository; its dist/ is brought up to date first, so the copy starts from a fresh build.
    expect(cli(REPO, "--version").code).toBe(0);
    head = checkout(mkdtempSync(join(work, "head-")));
    rewrite(
      head,
      "review/diff.ts",
      "export function diffPlans(",
      "export function diffPlans(..._: unknown[]): PlanDiff {\n" +
        "  return { connectors: [], escalations: [], edges: [] } as unknown as PlanDiff;\n" +
        "}\nexport function judgedByTheBase(",
    );
    rewrite(
      head,
      "review/consistency.ts",
      "export function compareGrants(",
      "export function compareGrants(..._: unknown[]): GrantMismatch[] {\n  return [];\n}\nexport function checkedByTheBase(",
    );
    rewrite(
      head,
      "connectors/github/app-manifest.ts",
      "default_permissions: manifestPermissions(),",
      'default_permissions: { ...manifestPermissions(), administration: "write" } as Record<string, "read">,',
    );
    config = join(work, "tenants.yaml");
    // Two engines: the compiled CLI runs Pulumi's on a worker thread (review/parallel.ts), so the
    // artifact comes back from it.
    writeFileSync(config, configWith([VALID.github, VALID.okta]));
    basePlan = join(work, "base.plan.json");
    artifacts = join(work, "head-artifacts");
    const base = cli(REPO, "plan", "--config", config, "--format", "json", "--no-cache");
    expect([base.code, base.stderr]).toEqual([0, ""]);
    writeFileSync(basePlan, base.stdout);
  }, 600_000);
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  test("the head's own code says nothing changed: its diff passes, its plan sees no drift", () => {
    const own = cli(head, "diff", "--config", config, "--base", basePlan, "--format", "markdown");
    expect([own.code, own.stdout, own.stderr]).toEqual([0, "### Insights connectors: no permission changes\n", ""]);
    const synthesized = cli(
      head,
      "plan",
      "--config",
      config,
      "--format",
      "json",
      "--no-cache",
      "--artifacts-dir",
      artifacts,
    );
    expect([synthesized.code, synthesized.stderr]).toEqual([0, ""]);
    const manifest = JSON.parse(readFileSync(join(artifacts, "acme", "acme-github.json"), "utf8"));
    expect(manifest.artifact.default_permissions.administration).toBe("write");
    const program = JSON.parse(readFileSync(join(artifacts, "acme", "acme-okta.json"), "utf8"));
    expect(program).toMatchObject({ engine: "pulumi", artifact: expect.arrayContaining([expect.any(Object)]) });
  });

  test("the base's code reads the head's artifacts with its own extractor: a write grant, exit 3", () => {
    expect(existsSync(join(artifacts, "acme", "acme-github.json"))).toBe(true);
    const judged = cli(
      REPO,
      "diff",
      "--config",
      config,
      "--base",
      basePlan,
      "--head-artifacts",
      artifacts,
      "--format",
      "json",
    );
    expect(judged.code).toBe(3);
    const diff = JSON.parse(judged.stdout);
    expect(diff.escalations.map((e: { message: string }) => e.message)).toContain(
      "acme/GH: grants write github-app-permission administration @ github-org:acme",
    );
    // The catalog asks administration: read (connectors/github/permissions.ts); the head's manifest asks write.
    expect(diff.connectors).toHaveLength(1); // the Okta program is the base's own: no change
    expect(diff.connectors[0].grants).toContainEqual({
      change: "changed",
      before: expect.objectContaining({ kind: "github-app-permission", name: "administration", access: "read" }),
      grant: expect.objectContaining({ kind: "github-app-permission", name: "administration", access: "write" }),
    });
  });
});
