// The library as a user gets it: `npm pack` (its `prepack` writes the declarations), the tarball
// installed into a fresh project beside the peer dependencies, the library examples compiled there
// with the strictest settings a consumer may choose, then synthesized. It spawns npm, tar, tsc and
// node, so it is an e2e test (jest.config.js). The install comes from npm's cache where it can
// (`--prefer-offline`; CI runs `npm ci` first, which fills the cache).
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { REPO, spawnCli } from "../helpers/cli";
import { expectCdkExampleTemplate, expectCdktfExampleStack, PUBLIC_NAMES } from "./example-assertions";

const MANIFEST = require(join(REPO, "package.json")) as {
  name: string;
  peerDependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};
/** The peers, at the versions this repository pins and tests (its devDependencies). */
const PEERS = Object.keys(MANIFEST.peerDependencies).map((name) => `${name}@${MANIFEST.devDependencies[name]}`);
/** CDK Terrain, for the one-line switch (`-r insights-connectors/use-cdktn`); a consumer adds it to use it. */
const CDKTN = `cdktn@${MANIFEST.devDependencies.cdktn}`;
const TSC = join(REPO, "node_modules", "typescript", "bin", "tsc");

/**
 * A consumer's strictest settings. No `@types/node`: the package's own declarations must not need
 * it. aws-cdk-lib's typings name the global `Disposable` and zod's name `URL`; TypeScript's own
 * `ESNext.Disposable` and `DOM` libs declare both, as `@types/node` does in a usual CDK app.
 */
const CONSUMER_TSCONFIG = {
  compilerOptions: {
    target: "ES2022",
    // Resolves `insights-connectors` through its package.json `exports`, as Node does.
    module: "node16",
    moduleResolution: "node16",
    lib: ["ES2022", "ESNext.Disposable", "DOM"],
    types: [],
    strict: true,
    noUncheckedIndexedAccess: true,
    skipLibCheck: false,
    outDir: "out",
  },
  include: ["*.ts"],
};

/** Files the package may ship: the build, the CLI's entry, the cdktn preload, what `init` copies, the README. */
const SHIPPABLE =
  /^(dist\/.+\.(js|d\.ts|json)|bin\/(insights-connectors|use-cdktn)\.js|examples\/[^/]+\.yaml|docs\/[^/]+|README\.md|package\.json)$/;

/** This environment without the npm_* variables `npm test` sets: they would point a child npm at this repository. */
function childEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const inherited = Object.entries(process.env).filter(([name]) => !/^npm_/i.test(name));
  return { ...Object.fromEntries(inherited), ...extra };
}

interface Run {
  status: number | null;
  output: string;
}

function run(command: string, args: string[], cwd: string, extra: Record<string, string> = {}): Run {
  const result = spawnSync(command, args, {
    cwd,
    env: childEnv(extra),
    encoding: "utf8",
    timeout: 600_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.error) throw result.error;
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

function mustRun(command: string, args: string[], cwd: string, extra: Record<string, string> = {}): string {
  const { status, output } = run(command, args, cwd, extra);
  if (status !== 0) throw new Error(`${command} ${args.join(" ")} failed (${status}) in ${cwd}:\n${output}`);
  return output;
}

describe("the packed package in a fresh consumer project", () => {
  let work: string;
  let consumer: string;
  let tarball: string;
  let shipped: string[];
  let compile: Run;
  const installed = () => join(consumer, "node_modules", MANIFEST.name);

  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), "packed-package-"));
    consumer = join(work, "consumer");
    mkdirSync(consumer);

    mustRun("npm", ["pack", "--pack-destination", work], REPO);
    const packed = readdirSync(work).filter((file) => file.endsWith(".tgz"));
    expect(packed).toHaveLength(1);
    tarball = join(work, packed[0]);
    shipped = mustRun("tar", ["-tzf", tarball], work)
      .split("\n")
      .filter(Boolean)
      .map((entry) => entry.replace(/^package\//, ""));

    writeFileSync(join(consumer, "package.json"), JSON.stringify({ name: "consumer", private: true }));
    mustRun("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund", tarball, ...PEERS, CDKTN], consumer);

    for (const example of ["cdk-app.ts", "cdktf-app.ts"]) {
      cpSync(join(REPO, "examples", "library", example), join(consumer, example));
    }
    writeFileSync(join(consumer, "tsconfig.json"), JSON.stringify(CONSUMER_TSCONFIG, null, 2));
    compile = run(process.execPath, [TSC, "-p", consumer, "--listFiles"], consumer);
  }, 900_000);
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  test("the tarball holds the build, its declarations and the CLI; no tests, CI scripts, state or sources", () => {
    expect(shipped).toEqual(
      expect.arrayContaining([
        "package.json",
        "README.md",
        "bin/insights-connectors.js",
        "bin/use-cdktn.js",
        "dist/index.js",
      ]),
    );
    expect(shipped).toContain("dist/index.d.ts");
    expect(shipped).toContain("dist/stacks/aws/insights-read-only-role.d.ts");
    expect(shipped.filter((file) => !SHIPPABLE.test(file))).toEqual([]);
    expect(shipped.filter((file) => /^(test|\.ci|\.state|\.tmp|scripts|stacks|connectors)\//.test(file))).toEqual([]);
  });

  test("the peers are the consumer's own copies: one construct tree, one aws-cdk-lib, one cdktf", () => {
    const script =
      "const { dirname } = require('node:path');" +
      `const from = [dirname(require.resolve('${MANIFEST.name}'))];` +
      `console.log(JSON.stringify(${JSON.stringify(Object.keys(MANIFEST.peerDependencies))}` +
      ".map((peer) => dirname(require.resolve(`${peer}/package.json`, { paths: from })))));";
    const resolved = JSON.parse(mustRun(process.execPath, ["-e", script], consumer));
    expect(resolved).toEqual(
      Object.keys(MANIFEST.peerDependencies).map((peer) => join(consumer, "node_modules", peer)),
    );
  });

  test("the examples compile with strict, noUncheckedIndexedAccess and skipLibCheck false, from declarations only", () => {
    expect(compile.status === 0 ? "" : compile.output).toBe("");
    const files = compile.output.split("\n").filter(Boolean);
    expect(files).toContain(join(installed(), "dist", "index.d.ts"));
    // Nothing of this repository's sources (the compiler's own lib files come from its install here).
    const typescriptLibs = join(REPO, "node_modules", "typescript", "lib");
    expect(files.filter((file) => file.startsWith(REPO) && !file.startsWith(typescriptLibs))).toEqual([]);
    expect(files.filter((file) => file.startsWith(installed()) && !file.endsWith(".d.ts"))).toEqual([]);
    expect(files.filter((file) => file.includes("/@types/node/"))).toEqual([]);
  });

  test("require('insights-connectors') in the consumer exposes the constructs from the installed package", () => {
    const script =
      `const entry = require('${MANIFEST.name}');` +
      `console.log(JSON.stringify({ file: require.resolve('${MANIFEST.name}'), names: Object.keys(entry).sort() }));`;
    const { file, names } = JSON.parse(mustRun(process.execPath, ["-e", script], consumer));
    expect(file).toBe(join(installed(), "dist", "index.js"));
    expect(names).toEqual(PUBLIC_NAMES);
  });

  test("the compiled CDK example synthesizes the role: external-id trust and SecurityAudit", () => {
    expect(compile.status).toBe(0);
    mustRun(process.execPath, [join(consumer, "out", "cdk-app.js")], consumer, { CDK_OUTDIR: join(work, "cdk") });
    expectCdkExampleTemplate(join(work, "cdk"));
  });

  test("the compiled CDKTF example synthesizes the Entra app with the catalog's core-directory Graph roles", () => {
    expect(compile.status).toBe(0);
    mustRun(process.execPath, [join(consumer, "out", "cdktf-app.js")], consumer, { CDKTF_OUTDIR: join(work, "cdktf") });
    expectCdktfExampleStack(join(work, "cdktf"));
  });

  test("the same example synthesizes on CDK Terrain with one preload: node -r insights-connectors/use-cdktn", () => {
    expect(compile.status).toBe(0);
    const app = join(consumer, "out", "cdktf-app.js");
    mustRun(process.execPath, ["-r", `${MANIFEST.name}/use-cdktn`, app], consumer, {
      CDKTF_OUTDIR: join(work, "cdktn"),
    });
    expectCdktfExampleStack(join(work, "cdktn"));
    const stack = readFileSync(join(work, "cdktn", "stacks", "insights-entra", "cdk.tf.json"), "utf8");
    expect(JSON.parse(stack)["//"].metadata.version).toBe(MANIFEST.devDependencies.cdktn);
  });

  /** `plan` of the full example by the checkout's CLI, which the installed ones must print byte for byte. */
  const EXAMPLE = join(REPO, "examples", "all-sources.yaml");
  const planFromCheckout = () => {
    const result = spawnCli(["plan", "--config", EXAMPLE]);
    expect(result.code).toBe(0);
    return result.stdout + result.stderr;
  };

  test("the installed CLI plans the example exactly as the checkout's does", () => {
    const cli = join(installed(), "bin", "insights-connectors.js");
    const fromPackage = run(process.execPath, [cli, "plan", "--config", EXAMPLE], consumer);
    expect(fromPackage.status).toBe(0);
    expect(fromPackage.output).toBe(planFromCheckout());
  }, 120_000);

  test("a global install gets the peers by itself, and its CLI plans the example as the checkout's does", () => {
    const prefix = join(work, "global");
    mustRun(
      "npm",
      ["install", "--global", "--prefix", prefix, "--prefer-offline", "--no-audit", "--no-fund", tarball],
      work,
    );
    const packageDir = join(prefix, "lib", "node_modules", MANIFEST.name);
    for (const peer of Object.keys(MANIFEST.peerDependencies)) {
      expect(existsSync(join(packageDir, "node_modules", peer, "package.json"))).toBe(true);
    }
    // From a folder with no lockfile above: the plan cache is off there, and the output the same.
    const fromGlobal = run(join(prefix, "bin", MANIFEST.name), ["plan", "--config", EXAMPLE], work);
    expect(fromGlobal.status).toBe(0);
    expect(fromGlobal.output).toBe(planFromCheckout());
  }, 600_000);
});
