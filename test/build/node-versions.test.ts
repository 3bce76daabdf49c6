import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { REPO } from "../helpers/cli";

type Version = [number, number, number];

const parse = (text: string): Version => {
  const parts = text.split(".").map(Number);
  return [parts[0] ?? 0, parts[1] ?? 0, parts[2] ?? 0];
};
const atLeast = (version: Version, minimum: Version) => {
  for (let i = 0; i < 3; i++) if (version[i] !== minimum[i]) return version[i]! > minimum[i]!;
  return true;
};

/** `engines.node` of package.json, which must be a plain lower bound (`>=X.Y.Z`): no upper bound to fall behind. */
function enginesMinimum(): Version {
  const range = require(join(REPO, "package.json")).engines.node as string;
  const minimum = /^>=(\d+\.\d+\.\d+)$/.exec(range);
  if (!minimum) throw new Error(`engines.node is ${range}, not >=X.Y.Z`);
  return parse(minimum[1]!);
}

/** The exact Node builds .ci/run installs and runs the tests on (its NODE_VERSIONS). */
function ciVersions(): string[] {
  const line = /^NODE_VERSIONS=\(([^)]*)\)$/m.exec(readFileSync(join(REPO, ".ci", "run"), "utf8"));
  return line ? line[1]!.trim().split(/\s+/) : [];
}

describe("the Node versions: engines, CI and the example workflows agree", () => {
  test("CI tests Node 22 and Node 24 (the two LTS lines), both admitted by engines", () => {
    const versions = ciVersions();
    expect(versions.map((v) => parse(v)[0])).toEqual([22, 24]);
    for (const version of versions)
      expect({ version, admitted: atLeast(parse(version), enginesMinimum()) }).toEqual({
        version,
        admitted: true,
      });
  });

  test("engines excludes Node 20 (end of life 2026-04-30) and starts at 22.12 (require(esm) unflagged)", () => {
    expect(atLeast(parse("20.19.5"), enginesMinimum())).toBe(false);
    expect(enginesMinimum()).toEqual([22, 12, 0]);
  });

  test("every example workflow sets up a Node major that CI tests, and the first of them", () => {
    const folder = join(REPO, "examples", "ci");
    const majors = readdirSync(folder)
      .filter((f) => f.endsWith(".yml"))
      .flatMap((f) => [...readFileSync(join(folder, f), "utf8").matchAll(/node-version: (\d+)/g)].map((m) => m[1]));
    expect(majors.length).toBeGreaterThan(0);
    expect(new Set(majors)).toEqual(new Set([ciVersions()[0]!.split(".")[0]]));
  });
});
