// Every error class of the product extends ToolkitError, so the CLI reads its category and exit
// code instead of knowing classes (docs/cli.md, "Exit codes"). The classes are found by scanning the
// sources, so a new class that extends Error directly fails here without anyone listing it.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { ERROR_CATEGORIES, ToolkitError, errorCategory } from "../../values/errors";
import { REPO } from "../helpers/cli";

/** Folders that are not the product (the dependency-cruiser's tooling folders and build output). */
const NOT_PRODUCT = new Set(["node_modules", "test", "bench", "examples", "scripts", "docs", "dist", "coverage"]);

function productFiles(dir = REPO): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.name.startsWith(".") || NOT_PRODUCT.has(entry.name) || /\.out$/.test(entry.name)) return [];
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return productFiles(path);
    return entry.name.endsWith(".ts") && !entry.name.endsWith(".d.ts") ? [path] : [];
  });
}

interface DeclaredClass {
  readonly name: string;
  readonly parent: string;
  readonly file: string;
  readonly exported: boolean;
}

const CLASS = /^(export )?(?:abstract )?class (\w+)(?:<[^>]*>)? extends ([\w.]+)/gm;

const declared: DeclaredClass[] = productFiles().flatMap((file) =>
  [...readFileSync(file, "utf8").matchAll(CLASS)].map((m) => ({
    name: m[2],
    parent: m[3],
    file: relative(REPO, file),
    exported: Boolean(m[1]),
  })),
);
const byName = new Map(declared.map((c) => [c.name, c]));

/** The class's ancestors by name, nearest first, as far as the product declares them, then the outside root. */
function ancestors(c: DeclaredClass): string[] {
  const chain: string[] = [];
  for (let parent: string | undefined = c.parent; parent; parent = byName.get(parent)?.parent) {
    if (chain.includes(parent)) break;
    chain.push(parent);
  }
  return chain;
}

/** An error class: its outermost ancestor is `Error` or another error type of the platform or a library. */
const isErrorClass = (c: DeclaredClass) => /Error$/.test(ancestors(c).at(-1)!) || /Error$/.test(c.parent);
const errorClasses = declared.filter((c) => c.name !== "ToolkitError" && isErrorClass(c));

/** docs/cli.md "Exit codes": `| code | \`category\` | meaning |` rows. */
function documentedExitCodes(): Map<string, number> {
  const readme = readFileSync(join(REPO, "docs", "cli.md"), "utf8");
  const section = readme.slice(
    readme.indexOf("\n## Exit codes"),
    readme.indexOf("\n## ", readme.indexOf("\n## Exit codes") + 1),
  );
  const rows = [...section.matchAll(/^\| (\d) \| `(\w+)` \|/gm)];
  return new Map(rows.map((m) => [m[2], Number(m[1])]));
}

describe("one error base: every error class extends ToolkitError", () => {
  test("the scan finds the error classes: at least issue 24's 24, and the category bases", () => {
    // UsageError is one of the 24 and the base of its category: 3 bases more.
    expect(errorClasses.length).toBeGreaterThanOrEqual(24 + 3);
    expect(errorClasses.map((c) => c.name)).toEqual(
      expect.arrayContaining(["ConfigError", "UsageError", "EngineRunError", "StepFailure", "PingOneStatusError"]),
    );
  });

  test.each(errorClasses.map((c) => [c.name, c] as const))("%s extends ToolkitError", (_name, c) => {
    expect({ class: c.name, file: c.file, ancestors: ancestors(c) }).toEqual(
      expect.objectContaining({ ancestors: expect.arrayContaining(["ToolkitError"]) }),
    );
  });

  const exported = errorClasses.filter((c) => c.exported);
  test.each(exported.map((c) => [c.name, c] as const))(
    "%s is a ToolkitError at run time, with a documented category and exit code",
    (name, c) => {
      const cls = require(join(REPO, c.file))[name];
      expect(cls.prototype).toBeInstanceOf(ToolkitError);
      // The category is a getter of the category class, so the prototype answers without an instance.
      const category = cls.prototype.category;
      expect(Object.keys(ERROR_CATEGORIES)).toContain(category);
      expect(documentedExitCodes().get(category)).toBe(ERROR_CATEGORIES[category as keyof typeof ERROR_CATEGORIES]);
    },
  );
});

describe("categories and exit codes", () => {
  test("docs/cli.md documents every category with the exit code the CLI uses, and no other", () => {
    expect(Object.fromEntries(documentedExitCodes())).toEqual(ERROR_CATEGORIES);
  });

  test("usage and config exit 2, external and internal exit 1 (3 and 4 are results, not errors)", () => {
    expect(ERROR_CATEGORIES).toEqual({ usage: 2, config: 2, external: 1, internal: 1 });
  });

  test("an error's name is its class's; its exit code is its category's", async () => {
    const { ConfigError } = await import("../../config/problems");
    const { EngineMissingError } = await import("../../providers/engines/engine-cli");
    const config = new ConfigError([{ file: "t.yaml", line: 3, col: 5, path: "tenants[0].name", message: "bad" }]);
    expect([config.name, config.category, config.exitCode]).toEqual(["ConfigError", "config", 2]);
    const missing = new EngineMissingError("the pulumi CLI is not installed");
    expect([missing.name, missing.category, missing.exitCode]).toEqual(["EngineMissingError", "external", 1]);
    expect(String(missing)).toBe("EngineMissingError: the pulumi CLI is not installed");
  });

  test("anything else thrown is internal: a plain Error, a string, undefined", () => {
    expect([new Error("x"), "x", undefined, { category: "usage" }].map(errorCategory)).toEqual([
      "internal",
      "internal",
      "internal",
      "internal",
    ]);
  });

  test("a ToolkitError from another copy of the package is still recognised (a marker, not instanceof)", () => {
    const copy = Object.assign(new Error("x"), { category: "usage" });
    Object.defineProperty(copy, Symbol.for("insights-connectors.ToolkitError"), { value: true });
    expect(ToolkitError.isToolkitError(copy)).toBe(true);
    expect(errorCategory(copy)).toBe("usage");
  });
});
