import { readdirSync } from "node:fs";
import { join, relative } from "node:path";
import * as ts from "typescript";

const REPO = join(__dirname, "..", "..");
/** Folders that hold no product source: type-checked, never shipped. */
const NOT_SHIPPED = ["test", "bench", "examples", "scripts"];
/** Folders of generated or installed files, never ours to check. */
const GENERATED = new Set(["node_modules", "dist", "cdk.out", "cdktf.out", "coverage"]);

/** Every TypeScript file in the repository, found by walking the folders (not by asking tsc). */
function typeScriptFiles(dir = REPO): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.name.startsWith(".") || GENERATED.has(entry.name)) return [];
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return typeScriptFiles(path);
    return entry.name.endsWith(".ts") && !entry.name.endsWith(".d.ts") ? [relative(REPO, path)] : [];
  });
}

/** The files a tsconfig selects, as tsc itself reads it. */
function selectedBy(file: string): Set<string> {
  const parsed = ts.getParsedCommandLineOfConfigFile(
    join(REPO, file),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(ts.flattenDiagnosticMessageText(d.messageText, "\n"));
      },
    },
  );
  return new Set(parsed!.fileNames.map((f) => relative(REPO, f)));
}

const shipped = (file: string) => !NOT_SHIPPED.some((folder) => file.startsWith(`${folder}/`));

describe("every TypeScript file is type-checked, and every product file compiled", () => {
  const files = typeScriptFiles();

  test("the walk finds the source folders this test expects", () => {
    const folders = new Set(files.map((f) => f.split("/")[0]));
    for (const folder of ["bench", "bin", "cli", "connectors", "review", "stacks", "test", "verify"]) {
      expect(folders).toContain(folder);
    }
  });

  test("tsconfig.json (npm run typecheck) selects every one of them", () => {
    const selected = selectedBy("tsconfig.json");
    expect(files.filter((f) => !selected.has(f))).toEqual([]);
  });

  test("tsconfig.build.json (dist/) selects every product file and no test, benchmark, example or script", () => {
    const selected = selectedBy("tsconfig.build.json");
    expect(files.filter(shipped).filter((f) => !selected.has(f))).toEqual([]);
    expect([...selected].filter((f) => !shipped(f))).toEqual([]);
  });
});
