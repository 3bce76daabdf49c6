#!/usr/bin/env node
// `npm run cdktf -- <command>`: the cdktf CLI for this repo's app, config checked first (bin/engine-cli.ts).
"use strict";
require("./register-ts");
process.exitCode = require("./engine-cli").runEngineCli("cdktf", process.argv.slice(2));
