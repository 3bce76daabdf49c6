#!/usr/bin/env node
// `npm run cdk -- <command>`: the cdk CLI for this repo's app, config checked first (bin/engine-cli.ts).
"use strict";
require("./register-ts");
process.exitCode = require("./engine-cli").runEngineCli("cdk", process.argv.slice(2));
