import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";

const REPO = join(__dirname, "..", "..");
const config = require(join(REPO, "jest.config.js")) as {
  projects: { displayName: string; testRegex?: string[]; testPathIgnorePatterns?: string[] }[];
};
const manifest = require(join(REPO, "package.json")) as { scripts: Record<string, string> };
const project = (name: string) => config.projects.find((p) => p.displayName === name)!;

/** What makes a test file e2e: it starts a process, an emulator or a browser, or needs an outside tool. */
const STARTS_A_PROCESS =
  /node:child_process|\bspawnCli(Async)?\(|\bstartMoto\(|\brequireTool\(|playwright-core|terraformConsole\(/;

/** Files that only name those things: this test, and requireTool's own test (its probes are stubs). */
const ONLY_NAME_THEM = new Set(["test/build/jest-projects.test.ts", "test/helpers/require-tool.test.ts"]);

function testFiles(dir = join(REPO, "test")): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return testFiles(path);
    return entry.name.endsWith(".test.ts") ? [path] : [];
  });
}

const matchesAny = (patterns: string[], path: string) => patterns.some((p) => new RegExp(p).test(path));
const inProject = (name: string, path: string) => {
  const { testRegex, testPathIgnorePatterns = [] } = project(name);
  const included = testRegex ? matchesAny(testRegex, path) : true;
  return included && !matchesAny(testPathIgnorePatterns, path);
};
const isE2e = (path: string) => inProject("e2e", path);
const isUnit = (path: string) => inProject("unit", path);
const isRelease = (path: string) => inProject("release", path);
const named = (paths: string[]) => paths.map((p) => relative(REPO, p)).sort();

describe("jest projects: unit runs in-process, e2e starts processes, release checks the package and a clone", () => {
  const files = testFiles();

  test("every test file is in exactly one project", () => {
    const projects = (f: string) => [isUnit(f), isE2e(f), isRelease(f)].filter(Boolean).length;
    expect(named(files.filter((f) => projects(f) !== 1))).toEqual([]);
  });

  test("release holds the packed package and the fresh clone, and nothing else", () => {
    expect(named(files.filter(isRelease))).toEqual([
      "test/e2e/first-screen.test.ts",
      "test/library/packed-package.test.ts",
    ]);
  });

  test("npm test runs unit and e2e, test:release the rest, and .ci/run runs both", () => {
    expect(manifest.scripts.test).toContain('"jest --selectProjects unit e2e {@}"');
    // On a terminal concurrently would otherwise set FORCE_COLOR for the steps (concurrently 10.1.0
    // dist/lib/spawn.js getSpawnOpts), and the CLI the tests start would print colour.
    expect(manifest.scripts.test).toMatch(/^concurrently --no-color /);
    expect(manifest.scripts["test:release"]).toBe("jest --selectProjects release");
    const ci = readFileSync(join(REPO, ".ci", "run"), "utf8");
    expect(ci).toMatch(/^npm test\b/m);
    expect(ci).toMatch(/^npm run test:release\b/m);
  });

  test("no unit test file starts a process or needs an outside tool", () => {
    const unitStarting = files
      .filter(isUnit)
      .filter((f) => !ONLY_NAME_THEM.has(relative(REPO, f)) && STARTS_A_PROCESS.test(readFileSync(f, "utf8")));
    expect(named(unitStarting)).toEqual([]);
  });

  test("every file-name pattern of the e2e and release projects names an existing test file", () => {
    const patterns = [...project("e2e").testRegex!, ...project("release").testRegex!];
    const stale = patterns.filter((p) => !files.some((f) => new RegExp(p).test(f)));
    expect(stale).toEqual([]);
  });
});
