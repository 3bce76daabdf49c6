import { spawnSync } from "node:child_process";
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseDocument } from "yaml";
import { requireTool } from "../helpers/require-tool";

/**
 * The two shell steps of examples/ci/permission-diff.yml that decide, run by bash as the runner
 * runs them (`bash -e {0}`, GitHub's default shell on Linux): which pull requests are judged,
 * and when the required check passes.
 */
type Step = { id?: string; name?: string; run?: string };
const { jobs } = parseDocument(
  readFileSync(join(__dirname, "..", "..", "examples", "ci", "permission-diff.yml"), "utf8"),
).toJS() as {
  jobs: Record<string, { steps: Step[] }>;
};
const SCOPE = jobs.scope.steps.find((s) => s.id === "paths")!.run!;
const GATE = jobs.gate.steps[0].run!;

let work: string;
beforeAll(() => (work = mkdtempSync(join(tmpdir(), "permission-gate-"))));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function bash(script: string, env: Record<string, string>) {
  const file = join(work, `step-${Math.random().toString(16).slice(2)}.sh`);
  writeFileSync(file, script);
  const output = join(work, "github-output");
  writeFileSync(output, "");
  const run = spawnSync("bash", ["-e", file], {
    env: { PATH: process.env.PATH!, GITHUB_OUTPUT: output, ...env },
    encoding: "utf8",
    timeout: 30_000,
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr, outputs: readFileSync(output, "utf8") };
}

const jq = requireTool("jq", "the example workflow's file filter (gh's --jq)");

jq.describe("which pull requests are judged: every path but documentation", () => {
  /** A `gh` that answers `gh api --paginate URL --jq FILTER` with `files` as the API's JSON, filtered by jq. */
  function scope(files: Array<{ filename: string; previous_filename?: string }>) {
    const bin = mkdtempSync(join(work, "bin-"));
    writeFileSync(join(bin, "api.json"), JSON.stringify(files));
    writeFileSync(
      join(bin, "gh"),
      [
        "#!/usr/bin/env bash",
        '[ "$1 $2 $3" = "api --paginate repos/acme/infra/pulls/7/files" ] && [ "$4" = "--jq" ] || exit 64',
        `exec jq -r "$5" "${join(bin, "api.json")}"`,
        "",
      ].join("\n"),
    );
    chmodSync(join(bin, "gh"), 0o755);
    const run = bash(SCOPE, { PATH: `${bin}:${process.env.PATH}`, REPO: "acme/infra", PR: "7", GH_TOKEN: "t" });
    expect(run.code).toBe(0);
    return run.outputs.trim();
  }

  test.each([
    ["only Markdown and docs/", [{ filename: "README.md" }, { filename: "docs/tenant-config.md" }], "judge=false"],
    ["the tenant config", [{ filename: "tenants.yaml" }], "judge=true"],
    [
      "a provider binding beside a README",
      [{ filename: "README.md" }, { filename: "providers/azurerm/index.ts" }],
      "judge=true",
    ],
    ["a lockfile", [{ filename: "package-lock.json" }], "judge=true"],
    [
      "a file moved from the code into docs/",
      [{ filename: "docs/x.ts", previous_filename: "review/diff.ts" }],
      "judge=true",
    ],
    ["a workflow", [{ filename: ".github/workflows/permission-diff.yml" }], "judge=true"],
    ["a .md-looking folder", [{ filename: "notes.md/evil.ts" }], "judge=true"],
  ])("%s", (_, files, verdict) => {
    expect(scope(files)).toBe(verdict);
  });

  test("3,000 files, the most GitHub lists: judged whatever they are", () => {
    expect(scope(Array.from({ length: 3000 }, (_, i) => ({ filename: `docs/page-${i}.md` })))).toBe("judge=true");
  });
});

describe("when the required check passes", () => {
  const gate = (env: Record<string, string>) =>
    bash(GATE, { JUDGE: "true", RESULT: "success", APPROVED: "false", ...env });

  test.each([
    ["documentation only: nothing judged", { JUDGE: "false", RESULT: "skipped", STATUS: "" }, 0],
    ["no escalation", { STATUS: "0" }, 0],
    ["an escalation", { STATUS: "3" }, 3],
    ["an escalation a reviewer approved with the label", { STATUS: "3", APPROVED: "true" }, 0],
    ["a config or artifact diff could not read", { STATUS: "2" }, 1],
    ["the approval label cannot pass a change that could not be judged", { STATUS: "1", APPROVED: "true" }, 1],
    ["the judge failed (a comment could not be posted)", { RESULT: "failure", STATUS: "0" }, 1],
    ["the scope job failed: no output, so the judge was skipped", { JUDGE: "", RESULT: "skipped", STATUS: "" }, 1],
    ["the judge was cancelled", { RESULT: "cancelled", STATUS: "" }, 1],
  ])("%s", (_, env, code) => {
    expect(gate(env).code).toBe(code);
  });
});
