#!/usr/bin/env node
// Entry point of the `insights-connectors` CLI. It runs the JavaScript compiled to dist/
// by `npm ci` (the `prepare` script): no TypeScript compiler on the hot path. When a
// source is newer than its compiled file (an edit since the last build), the changed
// files are compiled again first, so the CLI never runs stale code.
"use strict";
const { existsSync } = require("node:fs");
const path = require("node:path");

// A closed pipe (`| head`) is a normal end for a command that prints, not a crash.
process.stdout.on("error", (error) => {
  if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
  throw error;
});

/**
 * The CLI's `run`, from dist/ (compiled now if out of date), or from the sources where dist/ cannot be written.
 * Node's compile cache is turned on first, in a folder of the user's own (providers/node/private-compile-cache.ts).
 */
function loadProgram() {
  // An installed package ships only the compiled dist/ (package.json `files`): nothing to rebuild.
  if (!existsSync(path.join(__dirname, "..", "scripts", "build.js")))
    return fromFolder(path.join(__dirname, "..", "dist"));
  const { build, isStale, OUT } = require("../scripts/build");
  try {
    if (isStale()) build();
    return fromFolder(OUT);
  } catch (error) {
    if (!["EACCES", "EROFS", "EPERM"].includes(error.code)) throw error;
    require("./register-ts");
    return fromFolder(path.join(__dirname, ".."));
  }
}

/** `cli/program` of the compiled tree (or the sources) at `root`, with the compile cache on before it loads. */
function fromFolder(root) {
  require(path.join(root, "providers", "node", "private-compile-cache")).enablePrivateCompileCache();
  return require(path.join(root, "cli", "program"));
}

/** `up`/`down` stopped by SIGINT or SIGTERM (values/exit-codes.ts `interrupted`). */
const INTERRUPTED = 130;

loadProgram()
  .run(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
    // An interrupted run has reported and recorded where it stopped; what it left running in this process (the
    // CDK toolkit waiting on a CloudFormation operation, which goes on in AWS) must not hold the exit back.
    if (code === INTERRUPTED) process.exit(code);
  });
