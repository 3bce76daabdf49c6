import { annotationCommands, ERRORS_PER_STEP } from "../../../review/ci/annotations";
import type { Escalation } from "../../../review/escalation";

const escalation = (n: number, head?: Escalation["head"]): Escalation => ({
  rule: "grant-access-widened",
  message: `acme-prod/AWS: grants write aws-action s3:PutObject #${n}`,
  tenant: "acme-prod",
  connector: "acme-prod-aws",
  ...(head ? { head } : {}),
});

// The command syntax and escaping are actions/toolkit's (@ a944251692e50709e44d95e64d43c80236b9f6af,
// packages/core/src/command.ts): `::name k=v,k=v::message`; data escapes % CR LF as %25 %0D %0A,
// properties also : and , as %3A and %2C.
describe("annotations: one ::error per escalation at its line of the head's config", () => {
  test("file and line from the head's location, mapped to the repository's path; title names the rule", () => {
    const head = { file: "../head-config/tenants.yaml", line: 42, path: "tenants[0].connectors[1].trustedPrincipal" };
    expect(annotationCommands([escalation(1, head)], { configInRepo: "tenants.yaml" })).toEqual([
      "::error file=tenants.yaml,line=42,title=Insights permission escalation (grant-access-widened)::" +
        "acme-prod/AWS: grants write aws-action s3:PutObject #1",
    ]);
  });

  test("escaping: % and a line break in the message, : and , in the file and title", () => {
    const hostile: Escalation = {
      rule: "secret-reference-changed",
      message: "100% of\nit",
      tenant: "t",
      head: { file: "c:onfig,x.yaml", line: 3, path: "p" },
    };
    expect(annotationCommands([hostile])).toEqual([
      "::error file=c%3Aonfig%2Cx.yaml,line=3,title=Insights permission escalation (secret-reference-changed)::100%25 of it",
    ]);
  });

  test("a value the head removed: the file alone, and where the base had it", () => {
    const removed: Escalation = {
      ...escalation(1),
      base: { file: "base/tenants.yaml", line: 12, path: "tenants[0].connectors[0].permissionsBoundary" },
    };
    expect(annotationCommands([removed], { configInRepo: "tenants.yaml" })).toEqual([
      "::error file=tenants.yaml,title=Insights permission escalation (grant-access-widened)::" +
        "acme-prod/AWS: grants write aws-action s3:PutObject #1 (base: tenants[0].connectors[0].permissionsBoundary, line 12)",
    ]);
  });

  test(`at most ${ERRORS_PER_STEP} errors (GitHub's per-step cap), then one warning counting the rest`, () => {
    const head = { file: "tenants.yaml", line: 7, path: "p" };
    const lines = annotationCommands(Array.from({ length: 13 }, (_, i) => escalation(i + 1, head)));
    expect(ERRORS_PER_STEP).toBe(10);
    expect(lines.filter((l) => l.startsWith("::error "))).toHaveLength(10);
    expect(lines).toHaveLength(11);
    expect(lines[10]).toBe(
      "::warning title=More Insights permission escalations::3 more escalations are not annotated " +
        "(GitHub shows 10 error annotations per step): the job summary and the code-scanning results list every one.",
    );
  });
});
