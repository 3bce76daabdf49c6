// bin/register-ts.js runs the TypeScript sources (cdk.json, cdktf.json, npm run cdk|cdktf, tests)
// through @swc-node/register, whose disk cache would sit in <tmpdir>/swc-node-<uid>: a name another
// user of the machine can create first under the shared /tmp and fill with compiled code of their own.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { REGISTER_TS, REPO } from "../helpers/cli";

/** Runs a typed file with `node -r <preload>`, TMPDIR an empty folder; its output and what that folder holds after. */
function runWith(preload: string): { status: number | null; output: string; left: string[] } {
  const dir = mkdtempSync(join(tmpdir(), "register-ts-"));
  try {
    const tmp = join(dir, "tmp");
    mkdirSync(tmp);
    const script = join(dir, "typed.ts");
    writeFileSync(
      script,
      "const answer: number = 6 * 7;\nexport type Unused = { a: string };\nconsole.log(`typed ${answer}`);\n",
    );
    const { SWC_NODE_CACHE: _cache, ...env } = process.env;
    const run = spawnSync(process.execPath, ["-r", preload, script], {
      cwd: REPO,
      env: { ...env, TMPDIR: tmp },
      encoding: "utf8",
      timeout: 60_000,
    });
    return { status: run.status, output: run.stdout + run.stderr, left: readdirSync(tmp) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe("bin/register-ts.js", () => {
  test("runs TypeScript, types erased, and writes nothing under TMPDIR", () => {
    const run = runWith(REGISTER_TS);
    expect(run.output).toBe("typed 42\n");
    expect(run.status).toBe(0);
    expect(run.left).toEqual([]);
  });

  test("@swc-node/register alone would leave its cache folder there (what the preload turns off)", () => {
    const run = runWith("@swc-node/register");
    expect(run.status).toBe(0);
    expect(run.left).toEqual([expect.stringMatching(/^swc-node-/)]);
  });
});
