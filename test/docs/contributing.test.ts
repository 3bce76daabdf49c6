// docs/contributing.md says what `npm test` runs, in package.json's order (issue 29: it said
// "type-checks, then runs jest", leaving out the layer check and eslint).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { REPO } from "../helpers/cli";

test("Contributing names every step of `npm test`, in order", () => {
  const { scripts } = JSON.parse(readFileSync(join(REPO, "package.json"), "utf8"));
  // concurrently's commands, each in double quotes; `{@}` is where `npm test -- …` puts its arguments.
  const steps = [...(scripts.test as string).matchAll(/"([^"]+)"/g)].map((m) => m[1].replace(/ \{@\}$/, ""));
  expect(scripts.test).toMatch(/^concurrently /);
  const page = readFileSync(join(REPO, "docs", "contributing.md"), "utf8");
  const bullet = page.split("\n- ").find((item) => item.startsWith("`npm test` runs"));
  const named = [...(bullet ?? "").matchAll(/`(npm run [\w:]+|jest[^`]*)`/g)].map((m) => m[1]);
  const jest = named.findIndex((step) => step.startsWith("jest"));
  expect(named.slice(0, jest + 1)).toEqual(steps);
  expect(steps).toContain("npm run lint:openapi");
});
