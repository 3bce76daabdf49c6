// Preload that runs this repository's TypeScript without a build (`node -r ./bin/register-ts.js app.ts`):
// swc transpiles each file in memory, types erased, as tsconfig's `isolatedModules` already requires
// (`npm run typecheck` checks the types). It starts in about a second where ts-node took two or three.
"use strict";
const path = require("node:path");

process.env.SWC_NODE_PROJECT ??= path.join(__dirname, "..", "tsconfig.json");
// @swc-node/register would keep compiled files in <tmpdir>/swc-node-<uid>: a folder of a name anyone
// can guess, under the shared /tmp, that another user on the machine can create first and fill with
// code of their own. Compiling in memory only costs a few tenths of a second per process.
process.env.SWC_NODE_CACHE = "0";
require("@swc-node/register");
