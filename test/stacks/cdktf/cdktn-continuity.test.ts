// CDKTF 0.21 was archived upstream in December 2025; CDK Terrain (`cdktn` 0.24) continues it.
// This synthesizes every CDKTF stack of the full example twice with the CDKTF app
// (bin/cdktf-app.ts): once on cdktf, once on cdktn through bin/use-cdktn.js, which makes every
// `require("cdktf")` load cdktn (ours and the prebuilt @cdktf/provider-* packages'), and compares
// the Terraform JSON. It starts Node processes: an e2e test (jest.config.js).
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { REGISTER_TS, REPO } from "../../helpers/cli";
import { filesUnder } from "../../helpers/files";
import { plannedStacks } from "../../helpers/planned-stacks";

const EXAMPLE = join(REPO, "examples", "all-sources.yaml");
const USE_CDKTN = join(REPO, "bin", "use-cdktn.js");
const CDKTF_VERSION = require("cdktf/package.json").version as string;
const CDKTN_VERSION = require("cdktn/package.json").version as string;

function node(args: string[], env: Record<string, string> = {}): string {
  const result = spawnSync(process.execPath, args, {
    cwd: REPO,
    env: { ...process.env, ...env },
    encoding: "utf8",
    timeout: 180_000,
  });
  if (result.status !== 0) throw new Error(`node ${args.join(" ")} failed (${result.status}):\n${result.stderr}`);
  return result.stdout;
}

/** Runs the CDKTF app on the example into `outdir`, after the given preloads. */
function synthesize(outdir: string, preloads: string[]): void {
  const requires = [...preloads, REGISTER_TS].flatMap((module) => ["-r", module]);
  node([...requires, join(REPO, "bin", "cdktf-app.ts")], { INSIGHTS_CONFIG: EXAMPLE, CDKTF_OUTDIR: outdir });
}

/** Each stack's files (relative path → text) under a cdktf.out folder. */
function stackFiles(outdir: string): Map<string, string> {
  const root = join(outdir, "stacks");
  return new Map(filesUnder(root).map((file) => [file.slice(root.length + 1), readFileSync(file, "utf8")]));
}

/** A stack's JSON without the `//` comment, which Terraform and OpenTofu skip: what they read. */
function terraformInput(text: string): unknown {
  const { "//": _comment, ...input } = JSON.parse(text);
  return input;
}

/**
 * The two differences cdktn 0.24 makes to the bytes, both outside what Terraform reads:
 * - the `//` comment's `metadata.version` is the library's own version (cdktf/lib/app.js sets the
 *   `cdktfVersion` context from its package.json; cdktn's does the same with its own);
 * - empty objects and arrays (`"provider": {"google": [{}]}`) are `{}` and `[]` in cdktn, which
 *   serializes with safe-stable-stringify 2.5, but an open and a close brace on two lines in
 *   cdktf 0.21, which uses json-stable-stringify 1.3 (their package.json dependencies).
 */
function withoutKnownDifferences(text: string, libraryVersion: string): string {
  return text
    .replace(`"version": "${libraryVersion}"`, '"version": "<library version>"')
    .replace(/\{\n\s*\}/g, "{}")
    .replace(/\[\n\s*\]/g, "[]");
}

describe("CDK Terrain (cdktn) synthesizes the same Terraform as cdktf", () => {
  let work: string;
  let onCdktf: Map<string, string>;
  let onCdktn: Map<string, string>;
  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), "cdktn-"));
    synthesize(join(work, "cdktf"), []);
    synthesize(join(work, "cdktn"), [USE_CDKTN]);
    onCdktf = stackFiles(join(work, "cdktf"));
    onCdktn = stackFiles(join(work, "cdktn"));
  }, 360_000);
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  test("the preload resolves cdktf to cdktn, for our code and from inside a prebuilt provider", () => {
    const script =
      "const { dirname } = require('node:path');" +
      "const provider = dirname(require.resolve('@cdktf/provider-google/package.json'));" +
      "console.log(JSON.stringify([require.resolve('cdktf'), require.resolve('cdktf/package.json', { paths: [provider] })]));";
    const cdktn = dirname(require.resolve("cdktn/package.json"));
    expect(JSON.parse(node(["-r", USE_CDKTN, "-e", script]))).toEqual([
      join(cdktn, "lib", "index.js"),
      join(cdktn, "package.json"),
    ]);
  });

  test("both runs synthesize exactly the example's CDKTF stacks, each stamped by the library that ran", () => {
    const stacks = plannedStacks("all-sources.yaml", "cdktf");
    expect(stacks.length).toBeGreaterThan(0);
    expect(readdirSync(join(work, "cdktf", "stacks")).sort()).toEqual(stacks);
    expect(readdirSync(join(work, "cdktn", "stacks")).sort()).toEqual(stacks);
    expect([...onCdktn.keys()].sort()).toEqual([...onCdktf.keys()].sort());
    for (const stack of stacks) {
      const file = `${stack}/cdk.tf.json`;
      expect(JSON.parse(onCdktf.get(file)!)["//"].metadata.version).toBe(CDKTF_VERSION);
      expect(JSON.parse(onCdktn.get(file)!)["//"].metadata.version).toBe(CDKTN_VERSION);
    }
  });

  test("Terraform reads the same configuration from every stack: equal JSON outside the `//` comment", () => {
    for (const [file, text] of onCdktf) {
      expect({ file, input: terraformInput(onCdktn.get(file)!) }).toEqual({ file, input: terraformInput(text) });
    }
  });

  test("the files are byte-identical but for the version stamp and the spelling of empty {} and []", () => {
    for (const [file, text] of onCdktf) {
      const fromCdktn = withoutKnownDifferences(onCdktn.get(file)!, CDKTN_VERSION);
      expect({ file, text: fromCdktn }).toEqual({ file, text: withoutKnownDifferences(text, CDKTF_VERSION) });
    }
  });
});
