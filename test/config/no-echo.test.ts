import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { REGISTER_TS, REPO, runCli, spawnCli } from "../helpers/cli";
import { configWith, lineOf, problemsOf, VALID } from "../helpers/config-text";

const CANARY = "Hunter2canary0b7e5a";
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

describe("no error echoes a secret", () => {
  let dir: string;
  beforeAll(() => (dir = mkdtempSync(join(tmpdir(), "no-echo-"))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test("text after env: that is not a variable name (a secret pasted there) is located, not shown", () => {
    const text = configWith([VALID["pra-cloud"].replace("env:PRA_SECRET", `"env:${CANARY}!"`)]);
    const problems = problemsOf(text);
    expect(problems).toEqual([
      expect.objectContaining({
        line: lineOf(text, CANARY),
        path: "tenants[0].connectors[0].clientSecret",
        message: expect.stringMatching(/env: needs a variable name/),
      }),
    ]);
    expect(JSON.stringify(problems)).not.toContain(CANARY);
  });

  test("a malformed --outputs JSON file is refused with exit 2 without quoting its content", async () => {
    const config = join(dir, "tenants.yaml");
    writeFileSync(config, configWith([VALID.azure]));
    const outputs = join(dir, "outputs.json");
    writeFileSync(outputs, `{"acme-azure": {"client_secret": ${CANARY}}}`, { mode: 0o600 });
    const result = await runCli("register", "--config", config, "--outputs", outputs, "--dry-run");
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/outputs file .*outputs\.json is not valid JSON \(its content is not shown\)/);
    expect(result.stdout + result.stderr).not.toContain(CANARY.slice(0, 6));
  });

  describe("a literal secret written as an alias: exit 2, FILE:LINE:COL, never echoed, no stack trace", () => {
    let file: string;
    let line: number;
    beforeAll(() => {
      file = join(dir, "alias.yaml");
      const text = configWith([VALID.aws.replace("env:EXTERNAL_ID", `*${CANARY}`)]);
      line = lineOf(text, CANARY);
      writeFileSync(file, text);
    });
    const expectLocated = (code: number | null, stdout: string, stderr: string) => {
      expect(code).toBe(2);
      expect(stderr).toMatch(
        new RegExp(
          `^${escape(file)}:${line}:\\d+  tenants\\[0\\]\\.connectors\\[0\\]\\.externalId  YAML: this alias`,
          "m",
        ),
      );
      expect(stdout + stderr).not.toContain(CANARY);
      expect(stdout + stderr).not.toContain("Hunter2");
      expect(stderr).not.toMatch(/^\s+at /m);
    };

    test("npx insights-connectors plan --config FILE (the real executable)", () => {
      const run = spawnCli(["plan", "--config", file, "--no-extract"]);
      expectLocated(run.code, run.stdout, run.stderr);
    });

    test.each(["bin/cdk-app.ts", "bin/cdktf-app.ts"])("%s (what cdk synth and cdktf synth run)", (app) => {
      const out = join(dir, `out-${app.replace(/\W/g, "-")}`);
      const run = spawnSync(process.execPath, ["-r", REGISTER_TS, app], {
        cwd: REPO,
        env: { ...process.env, INSIGHTS_CONFIG: file, CDK_OUTDIR: out, CDKTF_OUTDIR: out },
        encoding: "utf8",
        timeout: 120_000,
      });
      expectLocated(run.status, run.stdout, run.stderr);
      expect(run.stderr).toContain("nothing was synthesized");
    });
  });
});
