import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Validator, type Schema } from "jsonschema";
import { RULE_TEXT, ruleText } from "../../../review/ci/rule-text";
import { sarifLog } from "../../../review/ci/sarif";
import { RULE_IDS } from "../../../review/rules";
import type { Escalation } from "../../../review/escalation";

const EVIDENCE = join(__dirname, "..", "evidence");
const SOURCE = JSON.parse(readFileSync(join(EVIDENCE, "sarif-schema-2.1.0.source.json"), "utf8"));
const SCHEMA_BYTES = readFileSync(join(EVIDENCE, SOURCE.file));
const SCHEMA = JSON.parse(SCHEMA_BYTES.toString("utf8")) as Schema;

/**
 * What upload-sarif refuses, as it decides it (github/codeql-action @ 8aad20d1, src/upload-lib.ts
 * validateSarifFileSchema): the vendored schema with the same validator and version (jsonschema
 * 1.5.0, its package.json), every error but a URI format error, which it only warns about.
 */
function uploaderErrors(log: unknown): string[] {
  const result = new Validator().validate(log, SCHEMA);
  return result.errors
    .filter((e) => !(e.name === "format" && ["uri-reference", "uri"].includes(String(e.argument))))
    .map((e) => `${e.property} ${e.message}`);
}

const ESCALATIONS: Escalation[] = [
  {
    rule: "secret-destination-host",
    message: "acme-prod/Acme Okta: clientSecret is now sent to evil.example.com (base: acme.okta.com)",
    tenant: "acme-prod",
    connector: "acme-prod-okta",
    base: { file: "base/tenants.yaml", line: 40, path: "tenants[0].connectors[3].domain" },
    head: { file: "head-config/tenants.yaml", line: 42, path: "tenants[0].connectors[3].domain" },
  },
  {
    rule: "trust-boundary-removed",
    message: "acme-prod/AWS Organization: removes the permissions boundary",
    tenant: "acme-prod",
    connector: "acme-prod-aws",
    base: { file: "base/tenants.yaml", line: 12, path: "tenants[0].connectors[0].permissionsBoundary" },
  },
];

describe("SARIF for code scanning", () => {
  const log = sarifLog(ESCALATIONS, { configInRepo: "config/tenants.yaml", toolVersion: "0.1.0" });

  test("the vendored schema is the uploader's own, byte for byte as recorded", () => {
    expect(createHash("sha256").update(SCHEMA_BYTES).digest("hex")).toBe(SOURCE.sha256);
    expect(SCHEMA_BYTES.length).toBe(112_788);
    expect((SCHEMA as { $id?: string }).$id).toBe(
      "https://raw.githubusercontent.com/oasis-tcs/sarif-spec/master/Schemata/sarif-schema-2.1.0.json",
    );
  });

  test("the log passes the uploader's validation", () => {
    expect(uploaderErrors(log)).toEqual([]);
  });

  test("the validation can fail: a log without a driver name, or with a level SARIF has not, is refused", () => {
    const run = log.runs[0];
    const nameless = { ...log, runs: [{ ...run, tool: { driver: { ...run.tool.driver, name: undefined } } }] };
    expect(uploaderErrors(nameless)).toEqual([expect.stringContaining('requires property "name"')]);
    const critical = { ...log, runs: [{ ...run, results: [{ ...run.results[0], level: "critical" }] }] };
    expect(uploaderErrors(critical)).toEqual([expect.stringContaining("is not one of enum values")]);
  });

  test("one result per escalation at the head's line in the repository's file, else the file's first line", () => {
    const results = log.runs[0].results;
    expect(results.map((r) => [r.ruleId, r.level, r.locations[0].physicalLocation])).toEqual([
      [
        "secret-destination-host",
        "error",
        { artifactLocation: { uri: "config/tenants.yaml" }, region: { startLine: 42 } },
      ],
      [
        "trust-boundary-removed",
        "error",
        { artifactLocation: { uri: "config/tenants.yaml" }, region: { startLine: 1 } },
      ],
    ]);
    expect(results[0].message.text).toBe(ESCALATIONS[0].message);
  });

  test("each rule once, with every text GitHub requires; fingerprints follow the judged field, not the line", () => {
    const rules = log.runs[0].tool.driver.rules;
    expect(rules.map((r) => r.id)).toEqual(["secret-destination-host", "trust-boundary-removed"]);
    for (const rule of rules)
      for (const text of [rule.shortDescription.text, rule.fullDescription.text, rule.help.text])
        expect(text.length).toBeGreaterThan(20);
    const moved = sarifLog([{ ...ESCALATIONS[0], head: { ...ESCALATIONS[0].head!, line: 99 } }], {
      toolVersion: "0.1.0",
    });
    const hash = (l: typeof log) => l.runs[0].results[0].partialFingerprints.primaryLocationLineHash;
    expect(hash(moved)).toBe(hash(log));
    expect(hash(sarifLog([ESCALATIONS[1]], { toolVersion: "0.1.0" }))).not.toBe(hash(log));
  });
});

describe("rule texts for code scanning", () => {
  test("every rule diff can report has words, within GitHub's lengths; an unknown id is named", () => {
    expect(Object.keys(RULE_TEXT).sort()).toEqual([...RULE_IDS].sort());
    const log = sarifLog(
      RULE_IDS.map((rule): Escalation => ({ rule, message: `${rule} tripped`, tenant: "t" })),
      { toolVersion: "0.1.0", ruleText },
    );
    expect(uploaderErrors(log)).toEqual([]);
    // sarif-support.md: shortDescription and fullDescription are limited to 1024 characters.
    for (const rule of log.runs[0].tool.driver.rules) {
      expect(rule.shortDescription.text.length).toBeLessThanOrEqual(1024);
      expect(rule.fullDescription.text.length).toBeLessThanOrEqual(1024);
    }
    expect(ruleText("rule-from-a-newer-version").short).toBe("Permission escalation: rule-from-a-newer-version");
  });
});
