import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { REGISTER_TS, REPO, spawnCli } from "../helpers/cli";
import { cdktfAppArgv } from "../../providers/engines/terraform";

// The CLI runs compiled JavaScript from dist/, one folder deeper than the sources: commands
// that read files of the checkout (the examples behind init and the reference) must find them there too.
describe("the compiled CLI finds the checkout's own files", () => {
  let dir: string;
  beforeAll(() => (dir = mkdtempSync(join(tmpdir(), "compiled-cli-"))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test("init writes a starter that plan accepts", () => {
    const out = join(dir, "tenants.yaml");
    const init = spawnCli(["init", "--kinds", "aws,okta", "--out", out]);
    expect(init.stderr).toBe("");
    expect(init.code).toBe(0);
    expect(readFileSync(out, "utf8")).toContain("kind: aws");
    const plan = spawnCli(["plan", "--config", out, "--no-extract"]);
    expect(plan.code).toBe(0);
  });

  test("schema --format markdown prints the committed reference", () => {
    const reference = spawnCli(["schema", "--format", "markdown"]);
    expect(reference.code).toBe(0);
    expect(reference.stdout).toBe(readFileSync(join(REPO, "docs", "tenant-config.md"), "utf8"));
  });
});

// up and down start the CDKTF app compiled when the CLI runs compiled (providers/engines/terraform.ts
// cdktfAppArgv): it must be the same app as the source `cdktf synth` runs (bin/register-ts.js).
describe("the compiled CDKTF app", () => {
  let dir: string;
  beforeAll(() => (dir = mkdtempSync(join(tmpdir(), "compiled-app-"))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const synth = (argv: string[], out: string) =>
    spawnSync(process.execPath, argv, {
      cwd: REPO,
      env: {
        ...process.env,
        INSIGHTS_CONFIG: "examples/azure-only.yaml",
        INSIGHTS_STATE_DIR: join(dir, "state"),
        CDKTF_OUTDIR: join(dir, out),
      },
      encoding: "utf8",
      timeout: 120_000,
    });
  const stacksOf = (out: string) =>
    Object.fromEntries(
      readdirSync(join(dir, out, "stacks")).map((stack) => [
        stack,
        readFileSync(join(dir, out, "stacks", stack, "cdk.tf.json"), "utf8"),
      ]),
    );

  test("is what the compiled engine module starts, and synthesizes exactly what the source app does", () => {
    expect(spawnCli(["--version"]).code).toBe(0); // the CLI rebuilds dist/ when a source is newer
    const probe = spawnSync(
      process.execPath,
      ["-p", `JSON.stringify(require("./dist/providers/engines/terraform.js").cdktfAppArgv(process.cwd()))`],
      { cwd: REPO, encoding: "utf8" },
    );
    const argv = JSON.parse(probe.stdout) as string[];
    expect(argv).toEqual([join(REPO, "dist", "bin", "cdktf-app.js")]);

    const compiled = synth(argv, "compiled");
    const source = synth(["-r", REGISTER_TS, "bin/cdktf-app.ts"], "source");
    expect([compiled.status, compiled.stderr]).toEqual([0, ""]);
    expect([source.status, source.stderr]).toEqual([0, ""]);
    expect(Object.keys(stacksOf("compiled"))).toEqual(["contoso-azure"]);
    expect(stacksOf("compiled")).toEqual(stacksOf("source"));
  });

  test("from the sources (as here) it is started too while dist/ is current; without a build, the source app", () => {
    expect(spawnCli(["--version"]).code).toBe(0); // dist/ current, as the CLI leaves it
    expect(cdktfAppArgv(REPO)).toEqual([join(REPO, "dist", "bin", "cdktf-app.js")]);
    const unbuilt = join(dir, "unbuilt");
    expect(cdktfAppArgv(unbuilt)).toEqual([
      "-r",
      join(unbuilt, "bin", "register-ts.js"),
      join(unbuilt, "bin", "cdktf-app.ts"),
    ]);
  });
});
