// Config mistakes in words a person acts on (issue 29): the nearest valid kind, field or choice;
// a file that cannot be read said in words; an unclosed quote found where it opens.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { loadConfig } from "../../config/load";
import { ConfigError, type ConfigProblem } from "../../config/problems";
import { configWith, lineOf, problemsOf, VALID } from "../helpers/config-text";

/** Column (1-based) of the first `needle` on the line holding `lineNeedle`. */
const colOf = (text: string, lineNeedle: string, needle = lineNeedle) =>
  text.split("\n")[lineOf(text, lineNeedle) - 1].indexOf(needle) + 1;

function problemsOfFile(file: string): ConfigProblem[] {
  try {
    loadConfig(file);
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return [...error.problems];
    throw error;
  }
}

describe("did you mean: kinds, fields and choices", () => {
  test("kind: aws-account names the kind it starts with", () => {
    const text = configWith(["kind: aws-account\nname: Prod"]);
    expect(problemsOf(text)).toEqual([
      expect.objectContaining({
        line: lineOf(text, "aws-account"),
        path: "tenants[0].connectors[0].kind",
        message: expect.stringMatching(/^must be one of: aws, azure, .*; did you mean "aws"\?$/),
      }),
    ]);
  });

  test("permissionBoundary names permissionsBoundary, at the misspelt key", () => {
    const text = configWith([`${VALID.aws}\npermissionBoundary: arn:aws:iam::111111111111:policy/Boundary`]);
    expect(problemsOf(text)).toEqual([
      {
        file: "tenants.yaml",
        line: lineOf(text, "permissionBoundary"),
        col: colOf(text, "permissionBoundary"),
        path: "tenants[0].connectors[0].permissionBoundary",
        message: 'unknown field "permissionBoundary"; did you mean "permissionsBoundary"?',
      },
    ]);
  });

  test("a nested field and a tenant's field are matched against their own object", () => {
    const nested = configWith([`${VALID.aws}\norganization:\n  rootOrgUnit: r-ab12`]);
    expect(problemsOf(nested).map((p) => [p.path, p.message])).toEqual([
      [
        "tenants[0].connectors[0].organization.rootOrgUnit",
        'unknown field "rootOrgUnit"; did you mean "rootOrgUnitId"?',
      ],
      ["tenants[0].connectors[0].organization.rootOrgUnitId", "is required"],
    ]);
    const tenant = configWith([VALID.okta]).replace("    connectors:", "    conectors:");
    expect(problemsOf(tenant).map((p) => [p.path, p.message])).toEqual([
      ["tenants[0].connectors", "is required"], // at the tenant, which comes first
      ["tenants[0].conectors", 'unknown field "conectors"; did you mean "connectors"?'],
    ]);
  });

  test("a field already present is not suggested again, and a word far from every field gets no guess", () => {
    const text = configWith([`${VALID.okta}\nappLabl: X\nsomethingElse: 1`]);
    expect(problemsOf(text).map((p) => p.message)).toEqual([
      'unknown field "appLabl"; did you mean "appLabel"?',
      'unknown field "somethingElse"',
    ]);
  });

  test("a choice outside its list names the nearest choice", () => {
    const text = configWith([VALID.okta], "adapter: htp");
    expect(problemsOf(text)).toEqual([
      expect.objectContaining({
        path: "tenants[0].insights.adapter",
        message: 'must be one of http, sheet, emulator; did you mean "http"?',
      }),
    ]);
  });
});

describe("a config file that cannot be read, in words", () => {
  let dir: string;
  beforeAll(() => (dir = mkdtempSync(join(tmpdir(), "config-words-"))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test("a missing file says so, where it looked, and what to do; no errno code", () => {
    const file = join(dir, "nope.yaml");
    const [problem] = problemsOfFile(file);
    expect(problem).toEqual({
      file,
      line: 1,
      col: 1,
      path: "",
      message: `no such file: ${resolve(file)}; run from the repository root or pass --config (or set INSIGHTS_CONFIG)`,
    });
    expect(problem.message).not.toMatch(/ENOENT/);
  });

  test("a path through a file that is not a folder is a missing file too", () => {
    const [problem] = problemsOfFile(join(__filename, "tenants.yaml"));
    expect(problem.message).toMatch(/^no such file: /);
  });
});

describe("an unclosed quote is reported where it opens", () => {
  test.each([
    ["single", "'Acme Okta"],
    ["double", '"Acme Okta'],
  ])("a %s quote on a connector's name, with more connectors after it", (_quote, value) => {
    const text = configWith([VALID.okta.replace("name: Okta", `name: ${value}`), VALID.aws]);
    expect(problemsOf(text)).toEqual([
      {
        file: "tenants.yaml",
        line: lineOf(text, value),
        col: colOf(text, value),
        path: "",
        message: expect.stringMatching(/^YAML: this quote is never closed, .*\(the text is not shown/),
      },
    ]);
    expect(lineOf(text, value)).toBeLessThan(text.split("\n").length - 5); // not the end of the file
  });

  test("inside a list written in brackets", () => {
    const text = configWith([`${VALID.okta}\nresourceSetResources: ["orn:a", "orn:b]`, VALID.aws]);
    const [problem] = problemsOf(text);
    expect(problem).toMatchObject({ line: lineOf(text, '"orn:b'), col: colOf(text, '"orn:b') });
    expect(problem.message).toMatch(/quote is never closed/);
  });
});
