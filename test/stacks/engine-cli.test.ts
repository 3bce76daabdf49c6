import { spawnSync } from "node:child_process";
import { chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { cdktfOutputFolder, contextConfig, quietEngineEnv } from "../../bin/engine-cli";
import { REPO } from "../helpers/cli";
import { requireTool } from "../helpers/require-tool";

function engine(name: "cdk" | "cdktf", argv: string[], env: NodeJS.ProcessEnv = {}) {
  const run = spawnSync(process.execPath, [join(REPO, "bin", `${name}.js`), ...argv], {
    cwd: REPO,
    env: { ...process.env, ...env },
    encoding: "utf8",
    timeout: 300_000,
  });
  return { status: run.status, out: run.stdout + run.stderr };
}

describe("npm run cdk / npm run cdktf (bin/engine-cli.ts)", () => {
  test("reads -c config=FILE and --context forms like the CDK CLI", () => {
    expect(contextConfig(["synth", "-c", "config=a.yaml"])).toBe("a.yaml");
    expect(contextConfig(["diff", "--context", "env=x", "--context", "config=b.yaml", "stack"])).toBe("b.yaml");
    expect(contextConfig(["deploy", "--context=config=c.yaml"])).toBe("c.yaml");
    expect(contextConfig(["synth"])).toBeUndefined();
  });

  test("finds cdktf's output folder as its CLI does: --output, -o, --output=, else cdktf.json's output", () => {
    expect(cdktfOutputFolder(["deploy", "--output", "out-a", "stack"], "/repo")).toBe("/repo/out-a");
    expect(cdktfOutputFolder(["synth", "-o", "/abs/out"], "/repo")).toBe("/abs/out");
    expect(cdktfOutputFolder(["diff", "--output=out-c"], "/repo")).toBe("/repo/out-c");
    expect(cdktfOutputFolder(["synth"], REPO)).toBe(join(REPO, "cdktf.out"));
  });

  test("quiet environment: no checkpoint call, CI mode off a terminal, the user's own values win", () => {
    expect(quietEngineEnv({}, false)).toMatchObject({ CHECKPOINT_DISABLE: "1", CI: "1" });
    expect(quietEngineEnv({}, true)).toEqual({ CHECKPOINT_DISABLE: "1" });
    expect(quietEngineEnv({ CHECKPOINT_DISABLE: "", CI: "false" }, false)).toMatchObject({
      CHECKPOINT_DISABLE: "",
      CI: "false",
    });
  });

  test.each([
    ["cdk", ["synth", "-c", "config=nope.yaml"], {}],
    ["cdktf", ["synth"], { INSIGHTS_CONFIG: "nope.yaml" }],
  ] as const)("%s %j with a missing config: exit 2, every problem printed once", (name, argv, env) => {
    const run = engine(name, [...argv], env);
    expect(run.status).toBe(2);
    expect(
      run.out.match(/nope\.yaml:1:1 {2}\(file\) {2}no such file: \S+\/nope\.yaml; run from the repository root/g),
    ).toHaveLength(1);
    expect(run.out).toContain("1 problem in nope.yaml; nothing was synthesized.");
  });

  const cdktfCli = requireTool("cdktf-cli", "npm run cdktf -- synth");
  cdktfCli.test(
    `cdktf synth offline into a pipe: no checkpoint error, no spinner escapes, the stack written${cdktfCli.note}`,
    () => {
      const out = mkdtempSync(join(tmpdir(), "cdktf-out-"));
      const terraformrc = join(out, "terraformrc");
      writeFileSync(terraformrc, ""); // this machine's own CLI config (or its absence) is not under test
      try {
        const run = engine("cdktf", ["synth", "--output", out], {
          INSIGHTS_CONFIG: "examples/azure-only.yaml",
          TF_CLI_CONFIG_FILE: terraformrc,
          CI: undefined,
          CHECKPOINT_DISABLE: undefined,
        });
        expect(run.out).not.toMatch(/checkpoint|ENOTFOUND/);
        expect(run.out).not.toMatch(/\u001b\[(2K|1A|G)/);
        expect(run.status).toBe(0);
        expect(existsSync(join(out, "stacks", "contoso-azure", "cdk.tf.json"))).toBe(true);
      } finally {
        rmSync(out, { recursive: true, force: true });
      }
    },
  );

  cdktfCli.test(
    `cdktf synth starts from an empty folder: a .tf.json planted in a stack's folder is gone, other files stay${cdktfCli.note}`,
    () => {
      const out = mkdtempSync(join(tmpdir(), "cdktf-out-"));
      try {
        const stack = join(out, "stacks", "contoso-azure");
        mkdirSync(stack, { recursive: true, mode: 0o777 });
        writeFileSync(join(stack, "zz-planted.tf.json"), '{"resource":{"terraform_data":{"x":{}}}}');
        writeFileSync(join(out, "notes.txt"), "not cdktf's");
        const run = engine("cdktf", ["synth", "--output", out], { INSIGHTS_CONFIG: "examples/azure-only.yaml" });
        expect(run.status).toBe(0);
        expect(readdirSync(stack)).toEqual(["cdk.tf.json"]);
        expect(readdirSync(out).sort()).toEqual(["manifest.json", "notes.txt", "stacks"]);
        expect(statSync(out).mode & 0o777).toBe(0o700);
      } finally {
        rmSync(out, { recursive: true, force: true });
      }
    },
  );

  test("cdktf synth into another user's output folder is refused with exit 2, naming it; nothing synthesized", () => {
    const out = mkdtempSync(join(tmpdir(), "cdktf-out-"));
    try {
      chownSync(out, 65534, 65534); // nobody: another user on this machine
      const run = engine("cdktf", ["synth", "-o", out], { INSIGHTS_CONFIG: "examples/azure-only.yaml" });
      expect(run.status).toBe(2);
      expect(run.out).toContain(`error: refusing to use ${out}: it is owned by user id 65534`);
      expect(readdirSync(out)).toEqual([]);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
