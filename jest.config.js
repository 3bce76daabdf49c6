// ts-jest transpiles each file on its own (tsconfig `isolatedModules`), so the
// huge provider typings are never type-checked per test file; `npm run typecheck`
// type-checks the whole tree once. See README "Contributing".
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  transform: { "^.+\\.ts$": ["ts-jest", { tsconfig: "tsconfig.json" }] },
  testTimeout: 60000,
};
