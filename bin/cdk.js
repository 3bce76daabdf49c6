#!/usr/bin/env node
// `npm run cdk -- <command>`: the cdk CLI for this repo's app, config checked first (bin/engine-cli.ts).
"use strict";
const path = require("node:path");
require("ts-node").register({ project: path.join(__dirname, "..", "tsconfig.json"), transpileOnly: true });
process.exitCode = require("./engine-cli").runEngineCli("cdk", process.argv.slice(2));
