#!/usr/bin/env node
// `npm run build` (and `prepare`, so `npm ci` runs it): compiles the sources named by
// tsconfig.build.json to JavaScript in dist/, one file at a time without type-checking
// (`npm run typecheck` does that once for the whole tree). The CLI then starts without
// a TypeScript compiler on its hot path. bin/insights-connectors.js calls `build()`
// again when a source is newer than the last build.
// With `--declarations` (`npm run build`, and `prepack`, so `npm pack` and `npm publish`
// run it) it also writes the package entry's type declarations, dist/index.d.ts and the
// .d.ts of every module it reaches: a consumer's compiler reads those, never our sources.
"use strict";
const { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } = require("node:fs");
const Module = require("node:module");
const { dirname, join, relative } = require("node:path");

const REPO = join(__dirname, "..");
const OUT = join(REPO, "dist");
/** Written last: the sources this build compiled and when it started reading them. */
const MANIFEST = join(OUT, "build-manifest.json");

let durableWrite;

/**
 * values/durable-write.ts, the toolkit's one way of writing a file, compiled in memory with the
 * compiler this build loads anyway: this script runs before dist/ exists (it makes it), so it
 * cannot require the compiled module, and loading ts-node for one file would cost seconds.
 * The module imports only node: modules, so it needs nothing else compiled.
 */
function loadDurableWrite() {
  const ts = require("typescript");
  const file = join(REPO, "values", "durable-write.ts");
  const compilerOptions = { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 };
  const { outputText } = ts.transpileModule(readFileSync(file, "utf8"), { compilerOptions, fileName: file });
  const loaded = new Module(file, module);
  loaded.filename = file;
  loaded._compile(outputText, file);
  return loaded.exports;
}

/**
 * Writes one output so a concurrent run never loads half a file and a crash never leaves one
 * (exclusive temporary file, fsync, rename, folder fsync), with explicit modes: under umask 000
 * dist/ would otherwise be code any local user could change, and the CLI runs it.
 */
function writeAtomically(file, text) {
  durableWrite ??= loadDurableWrite();
  mkdirSync(dirname(file), { recursive: true, mode: 0o755 });
  durableWrite.writeFileDurably(file, text, { mode: 0o644 });
}

/** Paths of dist/ files out of date with their inputs; every one when the build setup itself changed. */
function staleInputs() {
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(MANIFEST, "utf8"));
  } catch {
    return { all: true };
  }
  const changedSince = (f) => !existsSync(join(REPO, f)) || statSync(join(REPO, f)).mtimeMs >= manifest.startedMs;
  const changed = manifest.inputs.filter(changedSince);
  return { all: changed.some((f) => !f.endsWith(".ts")), changed };
}

/** True when dist/ is missing or a source it was built from has changed (or gone) since. */
function isStale() {
  const { all, changed } = staleInputs();
  return all || changed.length > 0;
}

/** Compiles every source whose output is missing or older than it (every source with `full`). */
function build({ full = false } = {}) {
  const ts = require("typescript");
  const startedMs = Date.now();
  const stale = full ? { all: true } : staleInputs();
  const configFile = join(REPO, "tsconfig.build.json");
  const host = { ...ts.sys, onUnRecoverableConfigFileDiagnostic: fail };
  const parsed = ts.getParsedCommandLineOfConfigFile(configFile, {}, host);
  if (parsed.errors.length) fail(parsed.errors[0]);
  const sources = parsed.fileNames.filter((f) => !f.endsWith(".d.ts"));
  const outputOf = (file) => join(OUT, relative(REPO, file)).replace(/\.ts$/, ".js");
  const changed = new Set(stale.all ? [] : stale.changed.map((f) => join(REPO, f)));
  const toCompile = sources.filter((f) => stale.all || changed.has(f) || !existsSync(outputOf(f)));
  for (const file of toCompile) {
    const options = { compilerOptions: parsed.options, fileName: file, reportDiagnostics: true };
    const { outputText, diagnostics } = ts.transpileModule(readFileSync(file, "utf8"), options);
    if (diagnostics?.length) fail(diagnostics[0]);
    writeAtomically(outputOf(file), outputText);
  }
  // cli/program reads its version from ../package.json; dist/ gets the fields it needs, not a second package.
  const { version } = JSON.parse(readFileSync(join(REPO, "package.json"), "utf8"));
  writeAtomically(join(OUT, "package.json"), `${JSON.stringify({ private: true, version }, null, 2)}\n`);
  const inputs = [configFile, join(REPO, "tsconfig.json"), join(REPO, "package.json"), __filename, ...sources];
  const manifest = { startedMs, inputs: inputs.map((f) => relative(REPO, f)) };
  writeAtomically(MANIFEST, `${JSON.stringify(manifest, null, 2)}\n`);
  return toCompile.length;
}

/** The package entry, whose declarations `types` in package.json names (as dist/index.d.ts). */
const ENTRY = join(REPO, "index.ts");

/**
 * Writes the .d.ts of the package entry and of every module it imports, beside their .js in
 * dist/, and returns how many. Declarations have no function bodies, so a consumer's `strict`
 * or `noUncheckedIndexedAccess` never checks our code; `noCheck` leaves type-checking to
 * `npm run typecheck`, which has already done it, and keeps this step to the emit.
 */
function emitDeclarations() {
  const ts = require("typescript");
  const host = { ...ts.sys, onUnRecoverableConfigFileDiagnostic: fail };
  const parsed = ts.getParsedCommandLineOfConfigFile(join(REPO, "tsconfig.build.json"), {}, host);
  if (parsed.errors.length) fail(parsed.errors[0]);
  const options = {
    ...parsed.options,
    declaration: true,
    emitDeclarationOnly: true,
    noCheck: true,
    noEmit: false,
    outDir: OUT,
    rootDir: REPO,
  };
  // Declarations of modules the entry no longer reaches would ship unread: start from none.
  if (existsSync(OUT)) {
    for (const file of readdirSync(OUT, { recursive: true })) {
      if (String(file).endsWith(".d.ts")) rmSync(join(OUT, String(file)));
    }
  }
  const program = ts.createProgram({ rootNames: [ENTRY], options });
  let count = 0;
  const { diagnostics, emitSkipped } = program.emit(undefined, (file, text) => {
    writeAtomically(file, text);
    count += 1;
  });
  if (diagnostics.length) fail(diagnostics[0]);
  if (emitSkipped || !existsSync(join(OUT, "index.d.ts"))) throw new Error("build: no declarations were written");
  return count;
}

function fail(diagnostic) {
  const ts = require("typescript");
  const where = diagnostic.file ? ` (${diagnostic.file.fileName})` : "";
  throw new Error(`build: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n")}${where}`);
}

module.exports = { build, emitDeclarations, isStale, OUT, REPO };

if (require.main === module) {
  let started = Date.now();
  const count = build({ full: process.argv.includes("--full") });
  process.stdout.write(`compiled ${count} files to dist/ in ${Date.now() - started} ms\n`);
  if (process.argv.includes("--declarations")) {
    started = Date.now();
    const declarations = emitDeclarations();
    process.stdout.write(`wrote ${declarations} declaration files to dist/ in ${Date.now() - started} ms\n`);
  }
}
