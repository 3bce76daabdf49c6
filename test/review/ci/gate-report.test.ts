import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { REPO, runCli } from "../../helpers/cli";
import { lineOf } from "../../helpers/config-text";
import { CHANGE } from "../../helpers/edge-changes";

/** A diff as `diff --format json` prints it: one connector, one escalation located in both configs. */
const DIFF = {
  connectors: [
    {
      tenant: "acme-prod",
      kind: "aws",
      name: "AWS Organization",
      grants: [],
      scopes: { added: [], removed: [], grantsMoved: 0 },
      escalations: [],
    },
  ],
  escalations: [
    {
      rule: "trust-principal-added",
      message: "acme-prod/AWS Organization: trusts arn:aws:iam::666666666666:root, a new account",
      tenant: "acme-prod",
      connector: "acme-prod-aws",
      base: { file: "base/tenants.yaml", line: 20, path: "tenants[0].connectors[1].trustedPrincipal" },
      head: { file: "head-config/tenants.yaml", line: 21, path: "tenants[0].connectors[1].trustedPrincipal" },
    },
  ],
  edges: CHANGE,
};

describe("gate-report: the files a pull request's gate posts, from diff --format json", () => {
  let dir: string;
  beforeAll(() => (dir = mkdtempSync(join(tmpdir(), "gate-report-"))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const report = async (diffText: string, exitCode: string, ...more: string[]) => {
    const diff = join(dir, `diff-${exitCode}.json`);
    writeFileSync(diff, diffText);
    const out = join(dir, `out-${exitCode}-${diffText.length}`);
    const run = await runCli(
      "gate-report",
      ...["--diff", diff, "--exit-code", exitCode, "--out-dir", out, "--config-in-repo", "tenants.yaml", ...more],
    );
    const read = (name: string) => readFileSync(join(out, name), "utf8");
    return { run, read };
  };

  test("an escalation: the verdict, diff's own report with its picture, the marker, one annotation, one result", async () => {
    const { run, read } = await report(
      JSON.stringify(DIFF),
      "3",
      ...["--judged-at", "0123456789abcdef0123", "--run-url", "https://github.com/acme/infra/actions/runs/7"],
    );
    expect([run.code, run.stderr]).toEqual([0, ""]);
    expect(run.stdout).toBe(
      "::error file=tenants.yaml,line=21,title=Insights permission escalation (trust-principal-added)::" +
        "acme-prod/AWS Organization: trusts arn:aws:iam::666666666666:root, a new account " +
        "(base: tenants[0].connectors[1].trustedPrincipal, line 20)\n",
    );
    const full = read("report.md");
    expect(full.split("\n")[0]).toBe(
      "**Insights permission gate: failed**, 1 escalation needs a reviewer's explicit approval. " +
        "Judged by the code of commit `0123456789ab` (the base).",
    );
    expect(full).toContain("- acme-prod/AWS Organization: trusts arn:aws:iam::666666666666:root, a new account");
    expect(full).toContain("```mermaid\nflowchart LR\n");
    expect(read("comment.md")).toBe(`<!-- insights-connectors permission gate: tenants.yaml -->\n${full}`);
    expect(read("summary.md")).toBe(full);
    const sarif = JSON.parse(read("permission-diff.sarif"));
    expect(sarif.runs[0].results).toHaveLength(1);
    expect(sarif.runs[0].results[0].locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: "tenants.yaml" },
      region: { startLine: 21 },
    });
  });

  test("a real change: the annotation and the SARIF result sit on the line of the head's config that changed", async () => {
    const text = readFileSync(join(REPO, "examples", "aws-single-account.yaml"), "utf8");
    writeFileSync(join(dir, "base.yaml"), text);
    const base = await runCli("plan", "--config", join(dir, "base.yaml"), "--format", "json", "--no-cache");
    writeFileSync(join(dir, "base.plan.json"), base.stdout);
    // Issue 25, case 6: the role now trusts a foreign account.
    const head = text.replace(
      "trustedPrincipal: arn:aws:iam::222222222222:root",
      "trustedPrincipal: arn:aws:iam::666666666666:root",
    );
    writeFileSync(join(dir, "head.yaml"), head);
    const diff = await runCli(
      ...["diff", "--config", join(dir, "head.yaml"), "--base", join(dir, "base.plan.json"), "--format", "json"],
    );
    expect(diff.code).toBe(3);
    const { run, read } = await report(diff.stdout, "3");
    const line = lineOf(head, "trustedPrincipal: arn:aws:iam::666666666666:root");
    expect(run.stdout).toMatch(
      new RegExp(
        `^::error file=tenants\\.yaml,line=${line},title=Insights permission escalation \\(trust-principal-added\\)::`,
      ),
    );
    const sarif = JSON.parse(read("permission-diff.sarif"));
    expect(sarif.runs[0].results[0].locations[0].physicalLocation.region).toEqual({ startLine: line });
  });

  test("no escalation: passed, no annotation, a SARIF run without results (an analysis that found none)", async () => {
    const { run, read } = await report(JSON.stringify({ connectors: [], escalations: [], edges: [] }), "0");
    expect([run.code, run.stdout]).toEqual([0, ""]);
    expect(read("report.md")).toBe(
      "**Insights permission gate: passed**, no escalation.\n\n### Insights connectors: no permission changes\n",
    );
    expect(JSON.parse(read("permission-diff.sarif")).runs[0].results).toEqual([]);
  });

  test("diff printed nothing (it stopped first): the comment still says the gate could not judge", async () => {
    const { run, read } = await report("", "1");
    expect(run.code).toBe(0);
    expect(read("comment.md")).toBe(
      "<!-- insights-connectors permission gate: tenants.yaml -->\n" +
        "**Insights permission gate: could not judge this change** (`diff` exit 1); the reason is below or in the job log.\n\n" +
        "`diff` printed no report: the job log has its error.\n",
    );
  });

  test("bad flags are usage errors: an exit code that is not one, a link that is not https", async () => {
    const code = await runCli(
      "gate-report",
      "--diff",
      "x",
      "--exit-code",
      "three",
      "--out-dir",
      dir,
      "--config-in-repo",
      "t",
    );
    expect([code.code, code.stderr]).toEqual([
      2,
      expect.stringContaining("option '--exit-code <code>' argument 'three' is invalid. an exit code is a number"),
    ]);
    const link = await runCli(
      ...["gate-report", "--diff", "x", "--exit-code", "0", "--out-dir", dir, "--config-in-repo", "t"],
      ...["--run-url", "javascript:alert(1)"],
    );
    expect([link.code, link.stderr]).toEqual([2, expect.stringContaining("only an https:// URL is linked.")]);
  });
});
