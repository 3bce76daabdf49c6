// Runs a CDKTF app on CDK Terrain (`cdktn`), the community continuation of CDKTF (archived
// upstream in December 2025), with no change to the app: preload it before the app starts,
//   node -r ./bin/use-cdktn.js -r ./bin/register-ts.js bin/cdktf-app.ts
// (from an installed package: `node -r insights-connectors/use-cdktn app.js`). Every
// `require("cdktf")` and `require("cdktf/…")` then loads `cdktn` instead: our stacks' and those
// of the prebuilt `@cdktf/provider-*` packages, which have no cdktn builds on npm for azuread,
// google and time, so one core library builds the whole tree. cdktn 0.24 is a rename of
// cdktf 0.21 that keeps its `Symbol.for("cdktf/…")` markers and logical IDs (open-constructs/
// cdk-terrain, specs/001-cdktn-package-rename/research.md @ a61d9aeef7d821756f8a2fa92f83127b45d01aa6).
// Node has no stable resolve hook on every version `engines` admits (module.registerHooks
// arrived in 22.15), so this wraps Module._resolveFilename, as module-alias and tsconfig-paths do.
"use strict";
const Module = require("node:module");

/** `cdktf` or a path inside it; the group is that path. */
const CDKTF_REQUEST = /^cdktf(\/.*)?$/;

try {
  require.resolve("cdktn", { paths: [process.cwd(), __dirname] });
} catch {
  throw new Error("use-cdktn: the cdktn package is not installed here: npm install --save-dev cdktn@0.24.0");
}

const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function resolveCdktfAsCdktn(request, ...rest) {
  const cdktf = CDKTF_REQUEST.exec(request);
  return resolveFilename.call(this, cdktf ? `cdktn${cdktf[1] ?? ""}` : request, ...rest);
};
