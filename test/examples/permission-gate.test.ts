import { readFileSync } from "node:fs";
import { join } from "node:path";
import { convertWorkflowTemplate, NoOperationTraceWriter, parseWorkflow } from "@actions/workflow-parser";
import { parseDocument } from "yaml";

const CI = join(__dirname, "..", "..", "examples", "ci");
const read = (file: string) => readFileSync(join(CI, file), "utf8");

/**
 * What GitHub's own workflow parser (@actions/workflow-parser 0.3.61, actions/languageservices,
 * the parser of GitHub's Actions editor support) finds wrong in a workflow: unknown keys, events
 * and permission values, bad expressions and contexts, each with its line and column.
 */
async function workflowProblems(name: string, content: string): Promise<string[]> {
  const parsed = parseWorkflow({ name, content }, new NoOperationTraceWriter());
  const errors = parsed.context.errors.getErrors().map((e) => e.message);
  if (errors.length || !parsed.value) return errors;
  const template = await convertWorkflowTemplate(parsed.context, parsed.value);
  return (template.errors ?? []).map((e: { Message?: string; message?: string }) => e.Message ?? e.message ?? "");
}

type Step = { name?: string; id?: string; if?: string; uses?: string; run?: string; env?: Record<string, string> } & {
  with?: Record<string, string | number | boolean>;
  "working-directory"?: string;
  "continue-on-error"?: boolean;
};
type Job = { needs?: string | string[]; if?: string; permissions?: Record<string, string>; steps: Step[] } & Record<
  string,
  any
>;
const gate = parseDocument(read("permission-diff.yml")).toJS() as { jobs: Record<string, Job> } & Record<string, any>;
const { jobs } = gate;
const steps = Object.values(jobs).flatMap((job) => job.steps);

/**
 * Each action at the commit it is pinned to, and every input its action.yml at that commit
 * declares (read from the fetched repositories; tags resolved with `git rev-parse TAG^{commit}`,
 * the newest release of each on 2026-12-06).
 */
const PINNED: Record<string, { tag: string; inputs: string[] }> = {
  "actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1": {
    tag: "v7.0.1",
    inputs: ["repository", "ref", "token", "ssh-key", "ssh-known-hosts", "ssh-strict", "ssh-user"]
      .concat(["persist-credentials", "path", "clean", "filter", "sparse-checkout", "sparse-checkout-cone-mode"])
      .concat(["fetch-depth", "fetch-tags", "show-progress", "lfs", "submodules", "set-safe-directory"])
      .concat(["github-server-url", "allow-unsafe-pr-checkout"]),
  },
  "actions/setup-node@820762786026740c76f36085b0efc47a31fe5020": {
    tag: "v7.0.0",
    inputs: [
      "node-version",
      "node-version-file",
      "architecture",
      "check-latest",
      "registry-url",
      "scope",
      "token",
    ].concat(["cache", "package-manager-cache", "cache-dependency-path", "mirror", "mirror-token"]),
  },
  "actions/upload-artifact@bbbca2ddaa5d8feaa63e36b76fdaad77386f024f": {
    tag: "v7.0.0",
    inputs: ["name", "path", "if-no-files-found", "retention-days", "compression-level", "overwrite"].concat([
      "include-hidden-files",
      "archive",
    ]),
  },
  "actions/download-artifact@3e5f45b2cfb9172054b4087a40e8e0b5a5461e7c": {
    tag: "v8.0.1",
    inputs: [
      "name",
      "artifact-ids",
      "path",
      "pattern",
      "merge-multiple",
      "github-token",
      "repository",
      "run-id",
    ].concat(["skip-decompress", "digest-mismatch"]),
  },
  "actions/github-script@ed597411d8f924073f98dfc5c65a23a2325f34cd": {
    tag: "v8.0.0",
    inputs: ["script", "github-token", "debug", "user-agent", "previews", "result-encoding", "retries"].concat([
      "retry-exempt-status-codes",
      "base-url",
    ]),
  },
  "github/codeql-action/upload-sarif@8aad20d150bbac5944a9f9d289da16a4b0d87c1e": {
    tag: "v4.36.2",
    inputs: ["sarif_file", "checkout_path", "ref", "sha", "token", "matrix", "category", "wait-for-processing"],
  },
};

describe("examples/ci: GitHub's own workflow parser accepts every workflow", () => {
  test.each(["permission-diff.yml", "provision-tenants.yml", "verify-schedule.yml"])("%s", async (file) => {
    expect(await workflowProblems(file, read(file))).toEqual([]);
  });

  test("the parser is a real check: a misspelt key, event, permission or context is reported with its place", async () => {
    const broken = read("permission-diff.yml")
      .replace("pull_request:", "pull_requestt:")
      .replace("pull-requests: read", "pull-requests: reed");
    const problems = await workflowProblems("broken.yml", broken);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/\(Line: \d+, Col: \d+\): Unexpected value 'pull_requestt'/),
        expect.stringMatching(/\(Line: \d+, Col: \d+\): Unexpected value 'reed'/),
      ]),
    );
    const context = await workflowProblems(
      "context.yml",
      read("permission-diff.yml").replace("${{ github.token }}", "${{ githb.token }}"),
    );
    expect(context).toEqual([expect.stringMatching(/Unrecognized named-value: 'githb'/)]);
  });
});

describe("examples/ci/permission-diff.yml: a gate a pull request cannot rewrite", () => {
  test("every action pinned by commit, each input one its action.yml declares at that commit", () => {
    const used = steps.filter((s) => s.uses);
    expect(used.length).toBeGreaterThanOrEqual(9);
    for (const step of used) {
      expect(Object.keys(PINNED)).toContain(step.uses);
      expect(PINNED[step.uses!].inputs).toEqual(expect.arrayContaining(Object.keys(step.with ?? {})));
    }
    // The tag beside each pin says which release it is.
    for (const [action, { tag }] of Object.entries(PINNED))
      expect(read("permission-diff.yml")).toContain(`${action} # ${tag}`);
  });

  test("the head's code runs in one job: read-only, no credentials kept, no cache, no secret", () => {
    const synthesize = jobs.synthesize;
    expect(synthesize.permissions).toEqual({ contents: "read" });
    const checkout = synthesize.steps.find((s) => s.uses?.startsWith("actions/checkout@"))!;
    expect(checkout.with).toEqual({ ref: "${{ github.event.pull_request.head.sha }}", "persist-credentials": false });
    expect(JSON.stringify(synthesize)).not.toContain("secrets.");
    const plan = synthesize.steps.find((s) => s.run?.includes("plan --config"))!;
    expect(plan.run).toContain("--no-cache");
    expect(plan.run).toContain('--artifacts-dir "$RUNNER_TEMP/head/artifacts"');
  });

  test("the judge runs the base's code only: the head is its config file and its uploaded artifacts, data", () => {
    const judge = jobs.judge;
    const checkouts = judge.steps.filter((s) => s.uses?.startsWith("actions/checkout@"));
    expect(checkouts.map((s) => s.with)).toEqual([
      { ref: "${{ github.event.pull_request.base.sha }}", path: "base", "persist-credentials": false },
      {
        ref: "${{ github.event.pull_request.head.sha }}",
        path: "head-config",
        "persist-credentials": false,
        "sparse-checkout": "${{ env.CONFIG }}",
        "sparse-checkout-cone-mode": false,
      },
    ]);
    // Every command runs in the base's checkout; npx there resolves the base's own toolkit.
    for (const step of judge.steps.filter((s) => s.run)) expect(step["working-directory"]).toBe("base");
    const diff = judge.steps.find((s) => s.id === "diff")!.run!;
    expect(diff).toContain('npx insights-connectors plan --config "$CONFIG" --format json --no-cache');
    expect(diff).toContain('diff --config "../head-config/$CONFIG" --base ../gate/base.plan.json');
    expect(diff).toContain("--head-artifacts ../head-synthesis/artifacts --format json");
    expect(judge.needs).toEqual(["scope", "synthesize"]);
  });

  test("no cache a pull request could have written: setup-node's own cache is off in both jobs", () => {
    const setups = steps.filter((s) => s.uses?.startsWith("actions/setup-node@"));
    expect(setups).toHaveLength(2);
    for (const setup of setups) expect(setup.with).toEqual({ "node-version": 22, "package-manager-cache": false });
    expect(steps.some((s) => s.uses?.startsWith("actions/cache"))).toBe(false);
  });

  test("least privilege: nothing at the top, each job only what it uses", () => {
    expect(gate.permissions).toEqual({});
    expect(jobs.scope.permissions).toEqual({ "pull-requests": "read" });
    expect(jobs.judge.permissions).toEqual({ contents: "read", "pull-requests": "write", "security-events": "write" });
    expect(jobs.gate.permissions).toEqual({});
  });

  test("every path but documentation: no path filter on the trigger, a job decides, the gate always reports", () => {
    expect(Object.keys(gate.on)).toEqual(["pull_request"]);
    expect(gate.on.pull_request).toEqual({ types: ["opened", "synchronize", "reopened", "labeled", "unlabeled"] });
    expect(jobs.synthesize.if).toBe("needs.scope.outputs.judge == 'true'");
    expect(jobs.gate).toMatchObject({ needs: ["scope", "judge"], if: "always()" });
  });

  test("the product writes the comment, summary, SARIF and annotations; the YAML only moves them", () => {
    const report = jobs.judge.steps.find((s) => s.run?.includes("gate-report"))!;
    expect(report.run).toContain('gate-report --diff ../gate/diff.json --exit-code "$STATUS" --out-dir ../gate');
    expect(report.run).toContain('cat ../gate/summary.md >> "$GITHUB_STEP_SUMMARY"');
    const comment = jobs.judge.steps.find((s) => s.uses?.startsWith("actions/github-script@"))!;
    expect(String(comment.with!.script).split("\n").length).toBeLessThanOrEqual(12);
    expect(comment.with!.script).toContain('c.user?.login === "github-actions[bot]" && c.body?.startsWith(marker)');
    const sarif = jobs.judge.steps.find((s) => s.uses?.startsWith("github/codeql-action/upload-sarif@"))!;
    expect(sarif.with).toMatchObject({ sarif_file: "gate/permission-diff.sarif" });
  });

  test("no ${{ }} spliced into a script: values reach shells and scripts through env", () => {
    for (const step of steps) {
      expect(step.run ?? "").not.toContain("${{");
      expect(String(step.with?.script ?? "")).not.toContain("${{");
    }
  });
});
