import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

const REPO = join(__dirname, "..", "..");
/** Folders that hold no product source: tests and benchmarks are type-checked, never shipped. */
const NOT_SHIPPED = new Set(["node_modules", "dist", "test", "bench", "examples", "docs", "scripts"]);

function foldersWithTypeScript(): string[] {
  return readdirSync(REPO, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith(".") && !NOT_SHIPPED.has(entry.name))
    .filter((entry) =>
      (readdirSync(join(REPO, entry.name), { recursive: true }) as string[]).some((f) => f.endsWith(".ts")),
    )
    .map((entry) => entry.name)
    .sort();
}

const includes = (file: string): string[] =>
  (JSON.parse(readFileSync(join(REPO, file), "utf8")) as { include: string[] }).include;

describe("every source folder is type-checked and compiled", () => {
  const folders = foldersWithTypeScript();

  test("the repository has the source folders this test expects to find", () => {
    expect(folders).toEqual(expect.arrayContaining(["cli", "connectors", "review", "stacks", "verify"]));
  });

  test.each(["tsconfig.json", "tsconfig.build.json"])("%s includes each of them", (file) => {
    const listed = includes(file);
    expect(folders.filter((folder) => !listed.includes(`${folder}/**/*.ts`))).toEqual([]);
  });
});
