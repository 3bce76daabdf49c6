#!/usr/bin/env node
// `npm run cdktf -- <command>`: the cdktf CLI for this repo's app, config checked first (bin/engine-cli.ts).
"use strict";
const path = require("node:path");
require("ts-node").register({ project: path.join(__dirname, "..", "tsconfig.json"), transpileOnly: true });
process.exitCode = require("./engine-cli").runEngineCli("cdktf", process.argv.slice(2));
