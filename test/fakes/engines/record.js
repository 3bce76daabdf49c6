// Shared by the stand-in engine executables: appends one JSON line per call to
// $FAKE_ENGINE_LOG ({ tool, argv, cwd, files, tfVars }), so tests assert the exact arguments and order,
// and which files the engine found in its working folder (what Terraform would have applied).
"use strict";
const { appendFileSync, readdirSync } = require("node:fs");

module.exports = function record(tool) {
  const argv = process.argv.slice(2);
  // Variable names only: a test proves the values reached the process without being in argv.
  const tfVars = Object.keys(process.env)
    .filter((k) => k.startsWith("TF_VAR_"))
    .sort();
  if (process.env.FAKE_ENGINE_LOG) {
    const files = readdirSync(process.cwd()).sort();
    appendFileSync(
      process.env.FAKE_ENGINE_LOG,
      `${JSON.stringify({ tool, argv, cwd: process.cwd(), files, tfVars })}\n`,
    );
  }
  return argv;
};
