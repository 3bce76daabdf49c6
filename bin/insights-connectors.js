#!/usr/bin/env node
// Entry point of the `insights-connectors` CLI. Sources are TypeScript; they are
// transpiled on load (no type-check: `npm run typecheck` does that once), which keeps
// start-up well under a second without a build step after `npm ci`.
"use strict";
const path = require("node:path");

// A closed pipe (`| head`) is a normal end for a command that prints, not a crash.
process.stdout.on("error", (error) => {
  if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
  throw error;
});

require("ts-node").register({
  project: path.join(__dirname, "..", "tsconfig.json"),
  transpileOnly: true,
});

require("../cli/program")
  .run(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  });
