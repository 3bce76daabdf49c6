import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { LIMITS } from "../../values/limits";
import { loadConfig } from "../../config/load";
import { ConfigError, type ConfigProblem } from "../../config/problems";
import { configWith, lineOf, problemsOf, VALID } from "../helpers/config-text";

const CANARY = "Hunter2canary9f41";
const PRA_WITH_ALIAS = VALID["pra-cloud"].replace("env:PRA_SECRET", `*${CANARY}`);

/** Column (1-based) of `needle` on its line. */
const colOf = (text: string, needle: string) => text.split("\n")[lineOf(text, needle) - 1].indexOf(needle) + 1;

/** Problems of a file on disk (bytes, not text: the UTF-8 check reads bytes). */
function problemsOfFile(bytes: Buffer | string): ConfigProblem[] {
  const dir = mkdtempSync(join(tmpdir(), "hostile-yaml-"));
  const file = join(dir, "tenants.yaml");
  try {
    writeFileSync(file, bytes);
    loadConfig(file);
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return [...error.problems];
    throw error;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe("hostile YAML: every error located, no value quoted", () => {
  test("a literal secret written as an alias (*text) is located at the alias and never echoed", () => {
    const text = configWith([PRA_WITH_ALIAS]);
    const problems = problemsOf(text);
    expect(problems).toEqual([
      {
        file: "tenants.yaml",
        line: lineOf(text, CANARY),
        col: colOf(text, `*${CANARY}`),
        path: "tenants[0].connectors[0].clientSecret",
        message: expect.stringMatching(/^YAML: this alias \(a value starting with \*\) names no anchor/),
      },
    ]);
    expect(JSON.stringify(problems)).not.toContain(CANARY);
    expect(JSON.stringify(problems)).not.toContain("Hunter2");
  });

  test("an alias inside the node its anchor names is refused, not expanded forever", () => {
    const text = configWith([`${VALID.aws}\ntags: &loop { a: *loop }`]);
    const [problem] = problemsOf(text);
    expect(problem).toMatchObject({ line: lineOf(text, "*loop"), path: "tenants[0].connectors[0].tags.a" });
    expect(problem.message).toMatch(/names a node that contains it/);
  });

  test("an alias bomb (billion laughs) is refused at the alias that crosses the limit, located", () => {
    const levels = ["a: &a [x, x, x, x, x, x, x, x, x]"];
    for (const [prev, next] of [
      ["a", "b"],
      ["b", "c"],
      ["c", "d"],
      ["d", "e"],
      ["e", "f"],
    ]) {
      levels.push(`${next}: &${next} [${Array(9).fill(`*${prev}`).join(", ")}]`);
    }
    const text = configWith([`${VALID.aws}\ntags:\n  ${levels.join("\n  ")}`]);
    const problems = problemsOf(text);
    expect(problems).toHaveLength(1);
    expect(problems[0].message).toBe(`YAML: aliases expand to more than ${LIMITS.aliasExpansionNodes} nodes`);
    // Levels b, c and d add 9×10 + 9×91 + 9×820 = 8,289 nodes; the first *d of level e (7,381 more) crosses 10,000.
    expect(problems[0]).toMatchObject({
      line: lineOf(text, "e: &e"),
      col: colOf(text, "*d"),
      path: "tenants[0].connectors[0].tags.e[0]",
    });
  });

  test("a few aliases for shared values still work", () => {
    const aws = VALID.aws.replace("name: AWS", "name: AWS One");
    const text = configWith([
      `${aws}\ntags: &shared { team: identity }`,
      `${VALID.aws.replace("name: AWS", "name: AWS Two")}\ntags: *shared`,
    ]);
    expect(problemsOf(text)).toEqual([]);
    expect(problemsOf(configWith([`${VALID.aws}\ntags: { team: &t identity, owner: *t }`]))).toEqual([]);
  });

  test.each([
    ["an unknown escape", `name: "Okta \\q${CANARY}"`, /invalid escape sequence/],
    ["a block scalar header with junk", `name: |x${CANARY}\n  text`, /unexpected character/],
    ["an unclosed quote", `name: '${CANARY}`, /quote is never closed/],
    ["a plain value starting with @", `name: @${CANARY}`, /cannot start with this character/],
  ])("a syntax error (%s) is located and worded by us, without the source text", (_case, line, message) => {
    const text = configWith([`kind: okta\ndomain: acme.okta.com\n${line}`]);
    const problems = problemsOf(text);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems[0].message).toMatch(message);
    expect(problems[0].line).toBe(lineOf(text, CANARY));
    expect(JSON.stringify(problems)).not.toContain(CANARY);
  });

  test("an unknown tag on a secret is not quoted either", () => {
    const text = configWith([VALID["pra-cloud"].replace("env:PRA_SECRET", `!${CANARY} x`)]);
    expect(JSON.stringify(problemsOf(text))).not.toContain(CANARY);
  });
});

describe("connector names", () => {
  test.each([
    ["a NUL byte", "Okta\\0"],
    ["an escape sequence", "Okta\\e[2J"],
    ["a bell", "Okta\\a"],
    ["U+FFFD", "Okta\\uFFFD"],
    ["a right-to-left override", "Okta\\u202Eatko"],
  ])("%s in a name is refused at the name", (_case, name) => {
    const text = configWith([VALID.okta.replace("name: Okta", `name: "${name}"`)]);
    const problems = problemsOf(text);
    expect(problems).toEqual([
      expect.objectContaining({
        line: lineOf(text, name),
        path: "tenants[0].connectors[0].name",
        message: expect.stringMatching(/control characters, U\+FFFD/),
      }),
    ]);
  });

  test("a name with bytes that are not UTF-8 is refused at that line and column, not silently replaced", () => {
    const text = configWith([VALID.okta.replace("name: Okta", "name: Okta-@@")]);
    const bytes = Buffer.from(text, "utf8");
    const at = bytes.indexOf("@@");
    bytes[at] = 0xc3; // a lead byte ...
    bytes[at + 1] = 0x28; // ... followed by no continuation byte
    const problems = problemsOfFile(bytes);
    expect(problems).toEqual([
      expect.objectContaining({
        line: lineOf(text, "Okta-@@"),
        col: colOf(text, "@@"),
        path: "",
        message: expect.stringMatching(/not UTF-8/),
      }),
    ]);
  });

  test("a genuine U+FFFD before bad bytes does not shift the reported position", () => {
    const text = configWith([
      `${VALID.okta}\ntags: { note: "\uFFFD" }`,
      VALID.github.replace("name: GH", "name: GH-@"),
    ]);
    const bytes = Buffer.from(text, "utf8");
    bytes[bytes.indexOf("@")] = 0xff;
    expect(problemsOfFile(bytes)[0]).toMatchObject({ line: lineOf(text, "GH-@"), col: colOf(text, "@") });
  });

  test("a UTF-8 file with a byte-order mark is fine", () => {
    expect(
      problemsOfFile(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(configWith([VALID.okta]))])),
    ).toEqual([]);
  });
});

describe("limits fail fast, located", () => {
  test("more connectors in a tenant than the limit: refused at the list", () => {
    const many = Array.from({ length: LIMITS.connectorsPerTenant + 1 }, (_, i) =>
      VALID.okta.replace("name: Okta", `name: Okta ${i}`),
    );
    const text = configWith(many);
    const problems = problemsOf(text);
    expect(problems).toEqual([
      {
        file: "tenants.yaml",
        line: lineOf(text, "kind: okta"),
        col: 7,
        path: "tenants[0].connectors",
        message: expect.stringMatching(
          `^lists ${LIMITS.connectorsPerTenant + 1}; at most ${LIMITS.connectorsPerTenant} connectors per tenant`,
        ),
      },
    ]);
  });

  test("more tenants than the limit: refused at the list", () => {
    const tenant = (i: number) => `  - name: t${i}\n    insights: { adapter: sheet }\n    connectors: []`;
    const text = `version: 1\ntenants:\n${Array.from({ length: LIMITS.tenantsPerFile + 1 }, (_, i) => tenant(i)).join(
      "\n",
    )}\n`;
    expect(problemsOf(text)).toEqual([
      expect.objectContaining({
        line: 3,
        path: "tenants",
        message: expect.stringMatching(`at most ${LIMITS.tenantsPerFile} tenants per file`),
      }),
    ]);
  });

  test("more connectors in the file than the limit: refused at the tenant whose list crosses it", () => {
    const perTenant = LIMITS.connectorsPerTenant;
    const tenants = Math.floor(LIMITS.connectorsPerFile / perTenant) + 1;
    const connectors = Array.from(
      { length: perTenant },
      (_, i) => `      - { kind: okta, name: Okta ${i}, domain: acme.okta.com }`,
    ).join("\n");
    const tenant = (i: number) => `  - name: t${i}\n    insights: { adapter: sheet }\n    connectors:\n${connectors}`;
    const text = `version: 1\ntenants:\n${Array.from({ length: tenants }, (_, i) => tenant(i)).join("\n")}\n`;
    expect(problemsOf(text)).toEqual([
      expect.objectContaining({
        path: `tenants[${tenants - 1}].connectors`,
        message: expect.stringMatching(`more than ${LIMITS.connectorsPerFile} connectors per file`),
      }),
    ]);
  });

  test("a file over the size limit is refused before it is parsed", () => {
    const text = `${configWith([VALID.okta])}# ${"x".repeat(LIMITS.configFileBytes)}\n`;
    expect(problemsOfFile(text)).toEqual([
      expect.objectContaining({
        line: 1,
        col: 1,
        path: "",
        message: expect.stringMatching(`at most ${LIMITS.configFileBytes} are read`),
      }),
    ]);
    expect(problemsOf(text)).toEqual([
      expect.objectContaining({
        line: 1,
        message: expect.stringMatching(`a config file may have ${LIMITS.configFileBytes}`),
      }),
    ]);
  });
});
