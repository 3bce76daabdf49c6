import { spawnSync } from "node:child_process";
import { chmodSync, chownSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CLI, REPO } from "../helpers/cli";

// What the CLI leaves on disk outside the repository: nothing in the temp folder after a plan that
// synthesizes every stack (aws-cdk-lib's App and cdktf's Testing.app each left a folder there per
// run), and Node's compile cache only in a folder of the user's own, never in the guessable
// <tmpdir>/node-compile-cache that another user can create first
// (providers/node/private-compile-cache.ts).

let scratch: string;
let temp: string;
let cacheHome: string;
beforeEach(() => {
  scratch = mkdtempSync(join(tmpdir(), "cli-folders-"));
  temp = join(scratch, "tmp");
  cacheHome = join(scratch, "cache");
  mkdirSync(temp);
  mkdirSync(cacheHome);
});
afterEach(() => rmSync(scratch, { recursive: true, force: true }));

function cli(argv: string[], env: NodeJS.ProcessEnv = {}) {
  const base: NodeJS.ProcessEnv = { ...process.env, TMPDIR: temp, XDG_CACHE_HOME: cacheHome };
  delete base.NODE_COMPILE_CACHE;
  delete base.NODE_DISABLE_COMPILE_CACHE;
  const run = spawnSync(process.execPath, [CLI, ...argv], { cwd: REPO, env: { ...base, ...env }, encoding: "utf8" });
  return { code: run.status, out: run.stdout + run.stderr };
}

/** Every file and folder under `folder`, relative to it. */
const everything = (folder: string) => readdirSync(folder, { recursive: true }).map(String).sort();

test("a plan that synthesizes every stack leaves nothing in the temp folder", () => {
  const run = cli(["plan", "--config", "examples/all-sources.yaml", "--no-cache", "--format", "json"]);
  expect(run.code).toBe(0);
  expect(everything(temp)).toEqual([]);
});

test("the compile cache is kept in the user's cache home, in folders only they can open, never in the temp folder", () => {
  expect(cli(["--help"]).code).toBe(0);
  const folder = join(cacheHome, "insights-connectors", "node-compile-cache");
  expect(statSync(join(cacheHome, "insights-connectors")).mode & 0o777).toBe(0o700);
  expect(statSync(folder).mode & 0o777).toBe(0o700);
  const [tag, ...others] = readdirSync(folder);
  expect(others).toEqual([]);
  expect(readdirSync(join(folder, tag)).length).toBeGreaterThan(10); // one entry per compiled module
  expect(everything(temp)).toEqual([]);
});

test("a cache folder others can write is not used, and the command still runs", () => {
  const folder = join(cacheHome, "insights-connectors");
  mkdirSync(folder);
  chmodSync(folder, 0o777); // as another user who created it first would leave it
  expect(cli(["--help"]).code).toBe(0);
  expect(everything(folder)).toEqual([]);
  expect(everything(temp)).toEqual([]);
});

const asRoot = process.getuid?.() === 0;
(asRoot ? test : test.skip)(
  `a cache folder of another user is not used, even at mode 0700${asRoot ? "" : " (skipped: only root can give a folder away)"}`,
  () => {
    const folder = join(cacheHome, "insights-connectors");
    mkdirSync(folder, { mode: 0o700 });
    chownSync(folder, 54321, 54321);
    expect(cli(["--help"]).code).toBe(0);
    expect(everything(folder)).toEqual([]);
  },
);

test("NODE_COMPILE_CACHE names the folder, and NODE_DISABLE_COMPILE_CACHE turns the cache off", () => {
  const chosen = join(scratch, "chosen");
  expect(cli(["--help"], { NODE_COMPILE_CACHE: chosen }).code).toBe(0);
  expect(readdirSync(chosen).length).toBe(1);
  expect(everything(cacheHome)).toEqual([]);
  expect(cli(["--help"], { NODE_DISABLE_COMPILE_CACHE: "1" }).code).toBe(0);
  expect(everything(cacheHome)).toEqual([]);
});
