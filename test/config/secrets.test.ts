import { chmodSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseSecretRef, SecretRef, SecretResolutionError } from "../../values/secret-ref";
import { configWith, lineOf, problemsOf, VALID } from "../helpers/config-text";

const CANARY = "canary-literal-7f3a9d";

describe("secret references in the config", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "insights-secrets-"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test.each([
    ["aws", "externalId", VALID.aws.replace("env:EXTERNAL_ID", CANARY)],
    ["pra-cloud", "clientSecret", VALID["pra-cloud"].replace("env:PRA_SECRET", CANARY)],
    ["password-safe-cloud", "apiKey", VALID["password-safe-cloud"].replace("env:PS_KEY", CANARY)],
  ])("a literal %s %s is refused, naming the field and never echoing the value", (_kind, field, connector) => {
    const text = configWith([connector]);
    const problems = problemsOf(text);
    expect(problems).toHaveLength(1);
    expect(problems[0].path).toBe(`tenants[0].connectors[0].${field}`);
    expect(problems[0].line).toBe(lineOf(text, CANARY));
    expect(problems[0].message).toMatch(/literal secret is not allowed here: write env:NAME or file:PATH/);
    expect(JSON.stringify(problems)).not.toContain(CANARY);
  });

  test("a literal Insights token is refused", () => {
    const text = configWith(
      [],
      `adapter: http\nurl: https://app.beyondtrust.io\nsiteId: 5a7f0c2e-1b2c-4d3e-8f40-123456789abc\ntoken: ${CANARY}`,
    );
    const problems = problemsOf(text);
    expect(problems.map((p) => p.path)).toEqual(["tenants[0].insights.token"]);
    expect(JSON.stringify(problems)).not.toContain(CANARY);
  });

  test("a client ID may be a literal or a reference", () => {
    expect(problemsOf(configWith([VALID["pra-cloud"].replace("clientId: abc123", "clientId: env:PRA_ID")]))).toEqual(
      [],
    );
    expect(problemsOf(configWith([VALID["pra-cloud"]]))).toEqual([]);
  });

  test("env: needs a valid variable name", () => {
    const problems = problemsOf(configWith([VALID.aws.replace("env:EXTERNAL_ID", "env:9-bad")]));
    expect(problems[0].message).toMatch(/env: needs a variable name/);
  });

  test("file: refuses a secret file readable by group or others, relative to the config", () => {
    writeFileSync(join(dir, "open.txt"), CANARY);
    chmodSync(join(dir, "open.txt"), 0o644);
    const text = configWith([VALID.aws.replace("env:EXTERNAL_ID", "file:open.txt")]);
    const problems = problemsOf(text, dir);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      path: "tenants[0].connectors[0].externalId",
      line: lineOf(text, "file:open.txt"),
    });
    expect(problems[0].message).toMatch(/readable by group or others \(mode 0644\); run: chmod 600/);
    expect(JSON.stringify(problems)).not.toContain(CANARY);
  });

  test("file: accepts an owner-only file, and a file that does not exist yet", () => {
    writeFileSync(join(dir, "closed.txt"), CANARY);
    chmodSync(join(dir, "closed.txt"), 0o600);
    expect(problemsOf(configWith([VALID.aws.replace("env:EXTERNAL_ID", "file:closed.txt")]), dir)).toEqual([]);
    expect(problemsOf(configWith([VALID.aws.replace("env:EXTERNAL_ID", "file:later.txt")]), dir)).toEqual([]);
  });

  test("resolve reads env and owner-only files, and names the reference when it cannot", () => {
    writeFileSync(join(dir, "token"), `${CANARY}\n`, { mode: 0o600 });
    chmodSync(join(dir, "token"), 0o600);
    expect(new SecretRef("file", "token").resolve(dir)).toBe(CANARY);
    expect(new SecretRef("env", "T").resolve(dir, { T: CANARY })).toBe(CANARY);
    expect(() => new SecretRef("env", "MISSING").resolve(dir, {})).toThrow(SecretResolutionError);
    expect(() => new SecretRef("env", "MISSING").resolve(dir, {})).toThrow(
      "cannot resolve secret env:MISSING: environment variable MISSING is not set",
    );
    chmodSync(join(dir, "token"), 0o640);
    expect(() => new SecretRef("file", "token").resolve(dir)).toThrow(/readable by group or others/);
  });

  test("a reference serializes as itself, never as a value", () => {
    const ref = parseSecretRef("env:INSIGHTS_TOKEN");
    expect(ref).toBeInstanceOf(SecretRef);
    expect(JSON.stringify({ token: ref })).toBe('{"token":"env:INSIGHTS_TOKEN"}');
    expect(String(ref)).toBe("env:INSIGHTS_TOKEN");
  });
});
