import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { REGISTER_TS, REPO } from "../helpers/cli";
import { expectCdkExampleTemplate, expectCdktfExampleStack, PUBLIC_NAMES } from "./example-assertions";

const EXAMPLES = join(REPO, "examples", "library");

/**
 * Runs a script the way a user's app runs: a separate Node process in which the name
 * `insights-connectors` resolves through package.json `exports` to the compiled dist/index.js.
 */
function runNode(args: string[], env: Record<string, string> = {}): string {
  const result = spawnSync(process.execPath, args, {
    cwd: EXAMPLES,
    env: { ...process.env, ...env },
    encoding: "utf8",
    timeout: 120_000,
  });
  if (result.status !== 0) throw new Error(`node ${args.join(" ")} failed (${result.status}):\n${result.stderr}`);
  return result.stdout;
}

const runExample = (file: string, env: Record<string, string>) =>
  runNode(["-r", REGISTER_TS, join(EXAMPLES, file)], env);

describe("the package entry, as a user's app imports it", () => {
  let out: string;
  beforeAll(() => {
    // The entry is the compiled dist/; build what is stale, as `npm run build` would.
    require(join(REPO, "scripts", "build.js")).build();
    out = mkdtempSync(join(tmpdir(), "library-example-"));
  }, 300_000);
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  test("require('insights-connectors') exposes the constructs, from dist/index.js", () => {
    const script =
      "const entry = require('insights-connectors');" +
      "console.log(JSON.stringify({ file: require.resolve('insights-connectors'), names: Object.keys(entry).sort(), " +
      "classes: Object.values(entry).every((v) => typeof v === 'function') }));";
    const { file, names, classes } = JSON.parse(runNode(["-e", script]));
    expect(file).toBe(join(REPO, "dist", "index.js"));
    expect(names).toEqual(PUBLIC_NAMES);
    expect(classes).toBe(true);
  });

  test("the CDK example's own stack gets the role: external-id trust and SecurityAudit", () => {
    runExample("cdk-app.ts", { CDK_OUTDIR: join(out, "cdk") });
    expectCdkExampleTemplate(join(out, "cdk"));
  }, 180_000);

  test("the CDKTF example's Entra app requires exactly the catalog's core-directory Graph roles", () => {
    runExample("cdktf-app.ts", { CDKTF_OUTDIR: join(out, "cdktf") });
    expectCdktfExampleStack(join(out, "cdktf"));
  }, 180_000);
});
