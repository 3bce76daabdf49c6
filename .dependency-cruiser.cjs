// The import boundaries of this repository, checked by `npm run deps`.
//
// LAYERS is the one place the allowed folder matrix is written down: a folder may import
// its own layer and the layers listed before it, never one listed after it. Everything
// below is generated from it.
//
//   values      leaf value types (secret references, field validators): imports nothing of ours
//   providers   clients and bindings of the outside systems; takes the catalog's kinds as parameters
//   connectors  the engine-neutral catalog: one ConnectorKind per kind, every per-kind rule
//   config      tenant files, loaded and checked with the catalog
//   stacks      engine adapters (CDK, CDKTF, Pulumi) built from the catalog
//   plan        what a change grants, before it is made
//   review      the plan's reading of the synthesized templates and its gates
//   register    registration through the Insights connector API
//   verify      checks of what is deployed against the catalog
//   lifecycle   up/down, engines, credential rotation
//   kinds       the registry: one typed adapter per stack kind, binding its pieces from the layers below
//   cli         the commands
//   bin         executables; index.ts is the library entry and sits at the same height
//
// test/, bench/, examples/ and scripts/ may import anything; nothing of the product imports
// them, except bin/, which loads scripts/build.js to compile dist/.
"use strict";

const LAYERS = [
  "values",
  "providers",
  "connectors",
  "config",
  "stacks",
  "plan",
  "review",
  "register",
  "verify",
  "lifecycle",
  "kinds",
  "cli",
  ["bin", "index.ts"],
];

/** Folders that may import anything and that the product never imports. */
const TOOLING = ["test", "bench", "examples", "scripts"];

const names = (layer) => (Array.isArray(layer) ? layer : [layer]);
/** A path regex for files in any of `folders` (a name ending in `.ts` is one root file). */
const under = (folders) =>
  `^(${folders.map((f) => (f.endsWith(".ts") ? f.replace(".", "[.]") + "$" : `${f}/`)).join("|")})`;

const upward = LAYERS.slice(0, -1).map((layer, index) => ({
  name: `${names(layer).join("+")}-imports-no-higher-layer`,
  comment: `${names(layer).join(" and ")} may import only ${LAYERS.slice(0, index + 1)
    .flatMap(names)
    .join(", ")}`,
  severity: "error",
  from: { path: under(names(layer)) },
  to: { path: under(LAYERS.slice(index + 1).flatMap(names)) },
}));

module.exports = {
  forbidden: [
    ...upward,
    {
      name: "product-imports-no-tooling",
      comment: "test/, bench/, examples/ and scripts/ are not part of the product (bin/ may load scripts/build.js)",
      severity: "error",
      from: { path: under(LAYERS.flatMap(names)), pathNot: "^bin/" },
      to: { path: under(TOOLING) },
    },
    {
      name: "bin-loads-only-the-build-script",
      comment: "bin/ may load scripts/ (the build) but never tests, benchmarks or examples",
      severity: "error",
      from: { path: "^bin/" },
      to: { path: under(TOOLING.filter((f) => f !== "scripts")) },
    },
    {
      name: "every-folder-has-a-layer",
      comment: "a source folder missing from LAYERS would escape every rule: give it its place in the matrix",
      severity: "error",
      from: { pathNot: [under(LAYERS.flatMap(names)), under(TOOLING), "^[^/]+[.](c?js|mjs)$"] },
      to: { path: "^[^/]+/", pathNot: "^node_modules/" },
    },
    {
      name: "no-circular",
      comment: "no import cycle between modules, whatever their folders",
      severity: "error",
      from: {},
      to: { circular: true },
    },
    {
      name: "not-to-unresolvable",
      comment: "an import that resolves to nothing is a broken import (or a missing dependency)",
      severity: "error",
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "^(node_modules|dist|cdk[.]out|cdktf[.]out|[.]state|[.]tmp|coverage)/" },
    // Type-only imports count: a layer that needs a higher layer's types depends on it all the same.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: {
      extensions: [".ts", ".js", ".json", ".d.ts"],
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default"],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
