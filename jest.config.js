// ts-jest transpiles each file on its own (tsconfig `isolatedModules`), so the
// huge provider typings are never type-checked per test file; `npm run typecheck`
// type-checks the whole tree once. See README "Contributing".
//
// Octokit 22 and its helpers ship only ES modules; jest's CommonJS runtime cannot
// load them, so those packages (and nothing else under node_modules) are transpiled
// to CommonJS too. Node itself loads them natively (require(esm), Node >= 20.19).
const ESM_ONLY = [
  "@octokit",
  "universal-user-agent",
  "universal-github-app-jwt",
  "before-after-hook",
  "toad-cache",
  "json-with-bigint",
  "fast-content-type-parse",
  "content-type",
];

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  // dist/ is the compiled copy of the sources (npm run build): never a test, a module or a mock.
  modulePathIgnorePatterns: ["<rootDir>/dist/"],
  testMatch: ["**/*.test.ts"],
  transform: {
    "^.+\\.ts$": ["ts-jest", { tsconfig: "tsconfig.json" }],
    "^.+\\.js$": ["ts-jest", { tsconfig: { allowJs: true, module: "commonjs", target: "ES2022", isolatedModules: true } }],
  },
  transformIgnorePatterns: [`/node_modules/(?!(${ESM_ONLY.join("|")})/)`],
  testTimeout: 60000,
};
