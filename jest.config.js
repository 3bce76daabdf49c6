// swc transpiles each file on its own (tsconfig `isolatedModules`), so the huge
// provider typings are never type-checked per test file; `npm run typecheck`
// type-checks the whole tree once. See docs/contributing.md.
//
// Octokit 22 and its helpers ship only ES modules; jest's CommonJS runtime cannot
// load them, so those packages (and nothing else under node_modules) are transpiled
// to CommonJS too. Node itself loads them natively (require(esm), unflagged since Node 22.12, the
// lowest version `engines` admits).
const { availableParallelism } = require("node:os");

const ESM_ONLY = [
  "@octokit",
  "universal-user-agent",
  "universal-github-app-jwt",
  "before-after-hook",
  "toad-cache",
  "json-with-bigint",
  "fast-content-type-parse",
  "content-type",
  "github-slugger", // the docs link check (test/helpers/markdown-links.ts)
];

/** ES-module-only packages the tests use (GitHub's workflow parser checks examples/ci/). */
const ESM_ONLY_TOOLS = ["@actions/workflow-parser", "@actions/expressions", "cronstrue"];

/**
 * Test files that start a child process (the compiled CLI, cdk/cdktf synth, terraform,
 * cfn-lint, openssl, git, moto, a browser), by file name so they stay e2e wherever their
 * folder moves; everything under test/e2e/ is e2e too. The rest run in-process: `unit`.
 * test/build/jest-projects.test.ts fails when a file that starts a process is missing here.
 */
const E2E_FILES = [
  "github-cli.test.ts",
  "okta-cli.test.ts",
  "plan-cli.test.ts",
  "register-cli.test.ts",
  "no-echo.test.ts",
  "secret-files.test.ts",
  "state-location.test.ts",
  "ecm-cli.test.ts",
  "cloudformation-outputs.test.ts",
  "crash-recovery.test.ts",
  "outputs.test.ts",
  "diff.test.ts",
  "plan-cache.test.ts",
  "pulumi-lazy-typescript.test.ts",
  "cdk-app.test.ts",
  "deploy-moto.test.ts",
  "aws-cdk-moto.test.ts",
  "lint.test.ts",
  "cdktf-app.test.ts",
  "engine-cli.test.ts",
  "gcp-stack.test.ts",
  "browser.test.ts",
  "examples.test.ts",
  "cdktn-continuity.test.ts",
  "stand-in-engines.test.ts",
  "mermaid-picture.test.ts",
  "permission-gate-scripts.test.ts",
];
/**
 * What a user installs or clones, checked whole: `npm pack` installed into a fresh project, and the
 * README's first screen in a fresh `git clone`. They spend most of their two minutes unpacking
 * packages and compiling a fresh copy, so `npm test` leaves them out; `npm run test:release`
 * runs them, and `.ci/run` runs both on every CI run (docs/contributing.md).
 */
const RELEASE_FILES = ["packed-package.test.ts", "first-screen.test.ts"];
const literally = (name) => name.replace(/[.]/g, "[.]");
const byName = (names) => names.map((name) => `/${literally(name)}$`);
const RELEASE_PATTERNS = byName(RELEASE_FILES);
const E2E_PATTERNS = ["/test/e2e/", ...byName(E2E_FILES)];

/**
 * To CommonJS by swc: each file on its own, types erased, as tsconfig's `isolatedModules`
 * already requires. Measured on a 2-core machine, cold cache, the unit project: 63 s wall
 * against ts-jest's 78 s. swc makes exports fixed getters, so a test that spies on a module's
 * export first mocks that module with a copy of itself (test/plan/computed-once.test.ts).
 */
const swc = (syntax) => [
  "@swc/jest",
  { jsc: { parser: { syntax }, target: "es2022" }, module: { type: "commonjs" }, sourceMaps: "inline" },
];

/** Settings both projects share. */
const shared = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  // Settings of the whole suite for its speed (the file says which, and which test checks each at full strength).
  setupFiles: ["<rootDir>/test/setup/suite-environment.ts"],
  // dist/ is the compiled copy of the sources (npm run build): never a test, a module or a mock.
  modulePathIgnorePatterns: ["<rootDir>/dist/"],
  transform: {
    "^.+\\.ts$": swc("typescript"),
    "^.+\\.js$": swc("ecmascript"),
  },
  transformIgnorePatterns: [`/node_modules/(?!(${[...ESM_ONLY, ...ESM_ONLY_TOOLS].join("|")})/)`],
  // GitHub's workflow parser exports only an "import" condition, which jest's CommonJS resolver skips.
  moduleNameMapper: {
    "^@actions/(workflow-parser|expressions)$": "<rootDir>/node_modules/@actions/$1/dist/index.js",
    "^@actions/expressions/(.*)$": "<rootDir>/node_modules/@actions/expressions/dist/$1.js",
  },
};

/** @type {import('jest').Config} */
module.exports = {
  // Much e2e time is spent waiting on child processes (cdk, terraform, moto, the CLI, a fake's
  // deadline), so one worker per core leaves the cores idle part of the time. Measured on a 2-core
  // runner, all of `npm test`, runs taken in turn: 4 workers 139 s and 138 s, 3 workers 144 s and
  // 142 s (2026-12-06, evening); before, 3 workers 219 s against 239 s with 2, and 973 tests took
  // 418 s with jest's default there (1 worker) against 238 s with 2.
  maxWorkers: availableParallelism() + 2,
  testTimeout: 60000,
  projects: [
    // In-process and fast: `npx jest --selectProjects unit`.
    {
      ...shared,
      displayName: "unit",
      testMatch: ["**/*.test.ts"],
      testPathIgnorePatterns: ["/node_modules/", ...E2E_PATTERNS, ...RELEASE_PATTERNS],
    },
    // Child processes, emulators, a browser: `npx jest --selectProjects e2e`.
    {
      ...shared,
      displayName: "e2e",
      testRegex: E2E_PATTERNS.map((p) => `${p.endsWith("$") ? p : `${p}.*[.]test[.]ts$`}`),
      testPathIgnorePatterns: ["/node_modules/", ...RELEASE_PATTERNS],
    },
    // The package as installed and the repository as cloned: `npm run test:release`.
    {
      ...shared,
      displayName: "release",
      testRegex: RELEASE_PATTERNS,
    },
  ],
};
