import { awsGrants } from "../../connectors/aws/grants";
import { awsConnectorConfig } from "../../connectors/aws/config";
import { runCli } from "../helpers/cli";
import { grantDrift } from "../../verify/compare";
import type { ExtractedGrant } from "../../plan/extracted-grant";
import { prepared, renderVerifyJson, renderVerifyMarkdown, renderVerifyTable } from "../../verify/render";
import type { ConnectorVerdict } from "../../verify/run";

const connector = awsConnectorConfig.parse({
  kind: "aws",
  name: "AWS",
  managementAccountId: "111111111111",
  trustedPrincipal: "arn:aws:iam::222222222222:root",
  externalId: "env:X",
  organization: { rootOrgUnitId: "r-ab12" },
});
const catalog = awsGrants(connector);
const asRead = (): ExtractedGrant[] =>
  catalog.map(({ source, scope, kind, name, access, condition }) => ({
    source,
    scope,
    kind,
    name,
    access,
    ...(condition ? { condition } : {}),
    artifact: "live",
  }));

describe("grantDrift: the catalog against what a reader found, in verify's words", () => {
  test("the catalog's own grants read back: no drift", () => {
    expect(grantDrift(catalog, { grants: asRead(), facts: [] })).toEqual([]);
  });

  test("a StackSet target beyond the catalog's OU is wider scope, a lost one missing", () => {
    const grants = asRead().map((g) => (g.kind === "aws-stackset-target" ? { ...g, name: "ou-ab12-wider000" } : g));
    expect(grantDrift(catalog, { grants, facts: [] })).toEqual([
      { change: "missing", subject: "aws-stackset-target r-ab12 @ aws-organization:r-ab12" },
      {
        change: "wider scope",
        access: "read",
        subject: "aws-stackset-target ou-ab12-wider000 @ aws-organization:r-ab12",
        where: "live",
      },
    ]);
  });

  test("a read action narrowed to a resource is a changed condition; a managed policy at admin is wrong level", () => {
    const grants = asRead().map((g) =>
      g.name === "identitystore:DescribeUser"
        ? { ...g, condition: "Resource arn:aws:identitystore::111111111111:identitystore/d-1" }
        : g.kind === "aws-managed-policy"
          ? { ...g, access: "admin" as const }
          : g,
    );
    const drift = grantDrift(catalog, { grants, facts: [] }).map((d) => `${d.change}: ${d.subject} (${d.detail})`);
    expect(drift).toEqual([
      "wrong level: aws-managed-policy arn:aws:iam::aws:policy/SecurityAudit @ aws-organization:r-ab12 " +
        "(catalog read, deployed admin)",
      "condition changed: aws-action identitystore:DescribeUser @ aws-organization:r-ab12 " +
        '(catalog none, deployed "Resource arn:aws:identitystore::111111111111:identitystore/d-1")',
    ]);
  });

  test("an extra grant carries its access level, never lower than today's classifier says", () => {
    const extra = (name: string, access: "read" | "write" | "admin"): ExtractedGrant => ({
      source: "aws",
      scope: "aws-organization:r-ab12",
      kind: "aws-managed-policy",
      name,
      access,
      artifact: "live",
    });
    const grants = [
      ...asRead(),
      // Recorded as read by a careless reader: AdministratorAccess is admin (review/access/aws-managed-policy.ts).
      extra("arn:aws:iam::aws:policy/AdministratorAccess", "read"),
      extra("arn:aws:iam::aws:policy/ReadOnlyAccess", "read"),
    ];
    expect(grantDrift(catalog, { grants, facts: [] })).toEqual([
      {
        change: "extra",
        access: "admin",
        subject: "aws-managed-policy arn:aws:iam::aws:policy/AdministratorAccess @ aws-organization:r-ab12",
        where: "live",
      },
      {
        change: "extra",
        access: "read",
        subject: "aws-managed-policy arn:aws:iam::aws:policy/ReadOnlyAccess @ aws-organization:r-ab12",
        where: "live",
      },
    ]);
  });

  test("a reader's own drift (an account without the role) is kept as it is", () => {
    const own = {
      change: "account without role" as const,
      subject: "aws-account:333333333333",
      detail: "no stack instance of x",
    };
    expect(grantDrift(catalog, { grants: asRead(), facts: [], drift: [own] })).toEqual([own]);
  });
});

describe("verify's output: every format cleaned of control characters, JSON stable", () => {
  const hostile: ConnectorVerdict = {
    tenant: "acme",
    kind: "aws",
    name: "AWS",
    status: "unreadable",
    drift: [],
    connectivity: { state: "not registered" },
    facts: [
      { label: "b", value: "2" },
      { label: "a", value: "1" },
    ],
    reason: "iam:GetRole X: AccessDenied: \u001b]0;pwned\u0007no\u001b[2J access\u202e",
  };
  const other: ConnectorVerdict = {
    tenant: "acme",
    kind: "aws",
    name: "AAA",
    status: "drift",
    facts: [],
    connectivity: { state: "Connected" },
    drift: [
      { change: "missing", subject: "z" },
      { change: "extra", subject: "y", access: "admin", where: "w" },
    ],
  };

  test.each([
    ["table", (v: ConnectorVerdict[]) => renderVerifyTable(v)],
    ["markdown", (v: ConnectorVerdict[]) => renderVerifyMarkdown(v)],
    ["json", (v: ConnectorVerdict[]) => renderVerifyJson(v, 3)],
  ])("%s: no escape sequence, control character or bidi override reaches the output", (_format, render) => {
    const out = render(prepared([hostile, other]));
    expect(out).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202e]/);
    expect(out).toContain("AccessDenied: no access");
    expect(out).not.toContain("pwned");
  });

  test("an extra line says its access level in every format; JSON carries it as a field", () => {
    const verdicts = prepared([other]);
    expect(renderVerifyTable(verdicts)).toContain("  extra (admin): y [w]\n");
    expect(renderVerifyMarkdown(verdicts)).toContain("- extra (admin): y [w]\n");
    expect(JSON.parse(renderVerifyJson(verdicts, 3)).connectors[0].drift[0]).toEqual({
      change: "extra",
      subject: "y",
      access: "admin",
      where: "w",
    });
  });

  test("json: connectors by tenant, kind, name; drift by change; facts by label", () => {
    const report = JSON.parse(renderVerifyJson(prepared([hostile, other]), 3));
    expect(report.connectors.map((c: ConnectorVerdict) => c.name)).toEqual(["AAA", "AWS"]);
    expect(report.connectors[0].drift.map((d: { change: string }) => d.change)).toEqual(["extra", "missing"]);
    expect(report.connectors[1].facts.map((f: { label: string }) => f.label)).toEqual(["a", "b"]);
    expect(report).toMatchObject({ verifyVersion: 1, outcome: "drift", exitCode: 3 });
  });
});

describe("verify: usage errors exit 2 and contact nothing", () => {
  test("an unknown --kind is named with the kinds there are", async () => {
    const run = await runCli("verify", "--config", "examples/all-sources.yaml", "--kind", "aws-typo");
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("unknown --kind aws-typo; kinds are: ");
  });

  test("an unknown --tenant is named", async () => {
    const run = await runCli("verify", "--config", "examples/all-sources.yaml", "--tenant", "nobody");
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("unknown tenant nobody");
  });

  test("--retries outside 0-10 is refused", async () => {
    const run = await runCli("verify", "--config", "examples/all-sources.yaml", "--retries", "50");
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("--retries must be 0 to 10, got 50");
  });
});
