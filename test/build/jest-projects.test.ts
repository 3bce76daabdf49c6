import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";

const REPO = join(__dirname, "..", "..");
const config = require(join(REPO, "jest.config.js")) as {
  projects: { displayName: string; testRegex?: string[]; testPathIgnorePatterns?: string[] }[];
};
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
const isE2e = (path: string) => matchesAny(project("e2e").testRegex!, path);
const isUnit = (path: string) => !matchesAny(project("unit").testPathIgnorePatterns!, path);
const named = (paths: string[]) => paths.map((p) => relative(REPO, p)).sort();

describe("jest projects: unit runs in-process, e2e starts processes", () => {
  const files = testFiles();

  test("every test file is in exactly one project", () => {
    expect(named(files.filter((f) => isE2e(f) === isUnit(f)))).toEqual([]);
  });

  test("no unit test file starts a process or needs an outside tool", () => {
    const unitStarting = files
      .filter(isUnit)
      .filter((f) => !ONLY_NAME_THEM.has(relative(REPO, f)) && STARTS_A_PROCESS.test(readFileSync(f, "utf8")));
    expect(named(unitStarting)).toEqual([]);
  });

  test("every file-name pattern of the e2e project names an existing test file", () => {
    const stale = project("e2e").testRegex!.filter((p) => !files.some((f) => new RegExp(p).test(f)));
    expect(stale).toEqual([]);
  });
});
