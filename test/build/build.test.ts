import {
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { REPO } from "../helpers/cli";

/**
 * A throw-away repository with the real build setup and one source file (and the module the
 * build writes its files with, which it compiles as well: two files in a first build).
 */
function miniRepo(): string {
  const root = mkdtempSync(join(tmpdir(), "build-"));
  const setup = ["tsconfig.json", "tsconfig.build.json", "package.json", join("scripts", "build.js")];
  for (const file of [...setup, join("values", "durable-write.ts")]) cpSync(join(REPO, file), join(root, file));
  symlinkSync(join(REPO, "node_modules"), join(root, "node_modules"));
  mkdirSync(join(root, "cli"));
  writeFileSync(join(root, "cli", "answer.ts"), "export const answer: number = 41;\n");
  return root;
}

describe("the compiled CLI in dist/", () => {
  let root: string;
  beforeEach(() => (root = miniRepo()));
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  test("a build compiles the sources to JavaScript, and an edited source makes dist/ stale until rebuilt", () => {
    const { build, isStale } = require(join(root, "scripts", "build.js"));
    expect(isStale()).toBe(true);
    expect(build()).toBe(2);
    expect(require(join(root, "dist", "cli", "answer.js")).answer).toBe(41);
    expect(JSON.parse(readFileSync(join(root, "dist", "package.json"), "utf8")).version).toBe(
      require(join(REPO, "package.json")).version,
    );
    expect(isStale()).toBe(false);

    const source = join(root, "cli", "answer.ts");
    writeFileSync(source, "export const answer: number = 42;\n");
    const later = new Date(Date.now() + 5_000);
    utimesSync(source, later, later);
    expect(isStale()).toBe(true);
    expect(build()).toBe(1);
    expect(readFileSync(join(root, "dist", "cli", "answer.js"), "utf8")).toContain("exports.answer = 42");
  });

  test("a deleted source makes dist/ stale; a new one is compiled by the next build", () => {
    const { build, isStale } = require(join(root, "scripts", "build.js"));
    build();
    // Dated before the first build (a file checked out from git): its missing output alone gets it compiled.
    writeFileSync(join(root, "cli", "extra.ts"), "export const extra = 1;\n");
    const earlier = new Date(Date.now() - 60_000);
    utimesSync(join(root, "cli", "extra.ts"), earlier, earlier);
    rmSync(join(root, "cli", "answer.ts"));
    expect(isStale()).toBe(true);
    build();
    expect(existsSync(join(root, "dist", "cli", "extra.js"))).toBe(true);
    expect(isStale()).toBe(false);
  });

  test("under umask 000 no folder or file of dist/ is writable by others, a symlink at an output's name is replaced, and no temporary file is left", () => {
    const victim = join(root, "victim.js");
    writeFileSync(victim, "// not the build's\n");
    mkdirSync(join(root, "dist", "cli"), { recursive: true });
    symlinkSync(victim, join(root, "dist", "cli", "answer.js"));
    const { build } = require(join(root, "scripts", "build.js"));
    const saved = process.umask(0o000);
    try {
      build({ full: true });
    } finally {
      process.umask(saved);
    }
    expect(readFileSync(victim, "utf8")).toBe("// not the build's\n");
    expect(lstatSync(join(root, "dist", "cli", "answer.js")).isSymbolicLink()).toBe(false);
    const walk = (dir: string): string[] =>
      readdirSync(dir).flatMap((name) => {
        const path = join(dir, name);
        return statSync(path).isDirectory() ? [path, ...walk(path)] : [path];
      });
    const made = walk(join(root, "dist")).filter((path) => path !== join(root, "dist", "cli"));
    expect(made.filter((path) => statSync(path).mode & 0o022)).toEqual([]);
    expect(made.filter((path) => path.endsWith(".tmp"))).toEqual([]);
  });
});

describe("the package entry's declarations in dist/", () => {
  let root: string;
  beforeEach(() => (root = miniRepo()));
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  test("emitDeclarations writes the entry's .d.ts and those of the modules it imports, without bodies, and no others", () => {
    writeFileSync(join(root, "index.ts"), 'export { answer, half } from "./cli/answer";\n');
    writeFileSync(
      join(root, "cli", "answer.ts"),
      "export const answer: number = 41;\nexport function half(n: number) {\n  return n / 2;\n}\n",
    );
    writeFileSync(join(root, "cli", "unused.ts"), "export const unused = 1;\n");
    mkdirSync(join(root, "dist", "gone"), { recursive: true });
    writeFileSync(join(root, "dist", "gone", "old.d.ts"), "export declare const old: number;\n");
    const { emitDeclarations } = require(join(root, "scripts", "build.js"));
    expect(emitDeclarations()).toBe(2);
    expect(existsSync(join(root, "dist", "gone", "old.d.ts"))).toBe(false);
    expect(readFileSync(join(root, "dist", "index.d.ts"), "utf8")).toContain('from "./cli/answer"');
    const answer = readFileSync(join(root, "dist", "cli", "answer.d.ts"), "utf8");
    expect(answer).toContain("export declare const answer: number;");
    expect(answer).toContain("export declare function half(n: number): number;");
    expect(answer).not.toContain("return");
    expect(existsSync(join(root, "dist", "cli", "unused.d.ts"))).toBe(false);
  });
});

describe("the build setup", () => {
  test("npm ci builds dist/ (prepare), dist/ is git-ignored, and jest never looks into it", () => {
    const scripts = require(join(REPO, "package.json")).scripts;
    expect(scripts.prepare).toMatch(/scripts\/build\.js/);
    expect(readFileSync(join(REPO, ".gitignore"), "utf8").split("\n")).toContain("dist/");
    for (const project of require(join(REPO, "jest.config.js")).projects) {
      expect(project.modulePathIgnorePatterns).toContain("<rootDir>/dist/");
    }
  });

  test("the package's types are the declarations npm run build and npm pack (prepack) write", () => {
    const manifest = require(join(REPO, "package.json"));
    expect(manifest.types).toBe("./dist/index.d.ts");
    expect(manifest.exports["."].types).toBe("./dist/index.d.ts");
    expect(manifest.scripts.build).toMatch(/scripts\/build\.js .*--declarations/);
    expect(manifest.scripts.prepack).toMatch(/scripts\/build\.js .*--declarations/);
  });
});
