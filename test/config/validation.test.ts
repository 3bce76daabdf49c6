import { configWith, lineOf, problemsOf, VALID } from "../helpers/config-text";

type Kind = keyof typeof VALID;

/** A valid connector of `kind` with one field set to `value` (added when absent). */
function withField(kind: Kind, field: string, value: string): string {
  const lines = VALID[kind].split("\n");
  const at = lines.findIndex((l) => l.startsWith(`${field}:`));
  const line = `${field}: ${value}`;
  if (at >= 0) lines[at] = line;
  else lines.push(line);
  return lines.join("\n");
}

interface Case {
  rule: string;
  kind: Kind;
  field: string;
  value: string;
  path: string;
  message: RegExp;
}

const CASES: Case[] = [
  {
    rule: "AWS account ID has 12 digits",
    kind: "aws",
    field: "managementAccountId",
    value: '"12345"',
    path: "managementAccountId",
    message: /12-digit AWS account ID/,
  },
  {
    rule: "unquoted account ID loses leading zeros",
    kind: "aws",
    field: "managementAccountId",
    value: "012345678901",
    path: "managementAccountId",
    message: /quote it/,
  },
  {
    rule: "root OU ID starts with r-",
    kind: "aws",
    field: "organization",
    value: "{ rootOrgUnitId: ou-ab12-cdefgh }",
    path: "organization.rootOrgUnitId",
    message: /root ID like r-ab12/,
  },
  {
    rule: "trusted principal is an IAM ARN",
    kind: "aws",
    field: "trustedPrincipal",
    value: '"222222222222"',
    path: "trustedPrincipal",
    message: /IAM principal ARN/,
  },
  {
    rule: "trusted principal account has 12 digits",
    kind: "aws",
    field: "trustedPrincipal",
    value: "arn:aws:iam::2222:root",
    path: "trustedPrincipal",
    message: /IAM principal ARN/,
  },
  {
    rule: "permissions boundary is a policy ARN",
    kind: "aws",
    field: "permissionsBoundary",
    value: "ReadOnly",
    path: "permissionsBoundary",
    message: /IAM policy ARN/,
  },
  {
    rule: "max session between 1 and 12 hours",
    kind: "aws",
    field: "maxSessionDurationSeconds",
    value: "60",
    path: "maxSessionDurationSeconds",
    message: /at least 3600/,
  },
  {
    rule: "Entra tenant ID is a GUID",
    kind: "azure",
    field: "tenantId",
    value: "contoso.onmicrosoft.com",
    path: "tenantId",
    message: /GUID/,
  },
  {
    rule: "secret rotation within Entra's limit",
    kind: "azure",
    field: "secretRotationDays",
    value: "1000",
    path: "secretRotationDays",
    message: /730/,
  },
  {
    rule: "unknown Entra permission group",
    kind: "azure",
    field: "permissionGroups",
    value: "[core-directory, everything]",
    path: "permissionGroups[1]",
    message: /core-directory/,
  },
  {
    rule: "Entra core directory group is required",
    kind: "azure",
    field: "permissionGroups",
    value: "[risk]",
    path: "permissionGroups",
    message: /must include "core-directory"/,
  },
  // azureResources is on by default: the opt-out is spelled out on the next line.
  {
    rule: "Entra subscription only with azureResources",
    kind: "azure",
    field: "subscriptionId",
    value: "5a1b2c3d-0000-4000-8000-000000000009\nazureResources: false",
    path: "subscriptionId",
    message: /azureResources: true/,
  },
  {
    rule: "Entra subscription ID is a GUID",
    kind: "azure",
    field: "subscriptionId",
    value: "my-subscription",
    path: "subscriptionId",
    message: /GUID/,
  },
  {
    rule: "GCP organization ID is numeric",
    kind: "gcp",
    field: "organizationId",
    value: "organizations/123",
    path: "organizationId",
    message: /numeric GCP organization ID/,
  },
  {
    rule: "GCP project ID too short",
    kind: "gcp",
    field: "project",
    value: "{ id: bt }",
    path: "project.id",
    message: /6-30 characters/,
  },
  {
    rule: "GCP project ID is lowercase",
    kind: "gcp",
    field: "project",
    value: "{ id: BT-Insights }",
    path: "project.id",
    message: /6-30 characters/,
  },
  {
    rule: "GCP project ID does not end with a hyphen",
    kind: "gcp",
    field: "project",
    value: "{ id: bt-insights- }",
    path: "project.id",
    message: /not ending with '-'/,
  },
  {
    rule: "GCP project ID avoids reserved words",
    kind: "gcp",
    field: "project",
    value: "{ id: my-google-project }",
    path: "project.id",
    message: /google/,
  },
  {
    rule: "GCP billing only when creating",
    kind: "gcp",
    field: "project",
    value: "{ id: bt-insights, billingAccount: 012345-6789AB-CDEF01 }",
    path: "project.billingAccount",
    message: /create: true/,
  },
  {
    rule: "GCP billing account format",
    kind: "gcp",
    field: "project",
    value: '{ id: bt-insights, create: true, billingAccount: "1234" }',
    path: "project.billingAccount",
    message: /billing account ID/,
  },
  {
    rule: "GCP API scope is known",
    kind: "gcp",
    field: "enableApisOn",
    value: "everywhere",
    path: "enableApisOn",
    message: /.+/,
  },
  {
    rule: "Okta domain without -admin",
    kind: "okta",
    field: "domain",
    value: "acme-admin.okta.com",
    path: "domain",
    message: /without "-admin".*: acme\.okta\.com$/,
  },
  {
    rule: "Okta domain without scheme",
    kind: "okta",
    field: "domain",
    value: "https://acme.okta.com",
    path: "domain",
    message: /without scheme or path: acme\.okta\.com$/,
  },
  {
    rule: "Okta domain without path",
    kind: "okta",
    field: "domain",
    value: "acme.okta.com/admin/dashboard",
    path: "domain",
    message: /without scheme or path: acme\.okta\.com$/,
  },
  {
    rule: "Okta domain is a domain",
    kind: "okta",
    field: "domain",
    value: "acme",
    path: "domain",
    message: /domain name like acme\.okta\.com/,
  },
  {
    rule: "PingOne region is NA, EU, CA or AP",
    kind: "pingone",
    field: "region",
    value: "US",
    path: "region",
    message: /NA, EU, CA, AP/,
  },
  {
    rule: "PingOne environment ID is a GUID",
    kind: "pingone",
    field: "environmentId",
    value: "prod",
    path: "environmentId",
    message: /GUID/,
  },
  {
    rule: "PingOne roles are Read Only roles",
    kind: "pingone",
    field: "roles",
    value: "[Environment Admin]",
    path: "roles[0]",
    message: /Read Only/,
  },
  {
    rule: "GitHub organization name characters",
    kind: "github",
    field: "organization",
    value: "acme_corp",
    path: "organization",
    message: /GitHub organization name/,
  },
  {
    rule: "GitHub organization name has no leading hyphen",
    kind: "github",
    field: "organization",
    value: "-acme",
    path: "organization",
    message: /GitHub organization name/,
  },
  {
    rule: "GitHub organization name at most 39",
    kind: "github",
    field: "organization",
    value: "a".repeat(40),
    path: "organization",
    message: /up to 39/,
  },
  {
    rule: "GitHub Enterprise URL is https",
    kind: "github",
    field: "apiUrl",
    value: "http://ghe.example.com/api/v3",
    path: "apiUrl",
    message: /https/,
  },
  {
    rule: "EPM domain is https",
    kind: "epm-cloud",
    field: "domain",
    value: "http://acme.pm.beyondtrustcloud.com",
    path: "domain",
    message: /must use https/,
  },
  {
    rule: "EPM domain is a URL",
    kind: "epm-cloud",
    field: "domain",
    value: "acme.pm.beyondtrustcloud.com",
    path: "domain",
    message: /must be a URL/,
  },
  {
    rule: "Password Safe Cloud domain is https",
    kind: "password-safe-cloud",
    field: "domain",
    value: "http://acme.ps.beyondtrustcloud.com",
    path: "domain",
    message: /must use https/,
  },
  {
    rule: "Password Safe on-premises URL is https",
    kind: "password-safe-onprem",
    field: "url",
    value: "http://ps.corp.example/",
    path: "url",
    message: /must use https/,
  },
  {
    rule: "Password Safe URL carries no credentials",
    kind: "password-safe-onprem",
    field: "url",
    value: "https://admin:pw@ps.corp.example/",
    path: "url",
    message: /must not carry credentials/,
  },
  {
    rule: "PRA subdomain under beyondtrustcloud.com",
    kind: "pra-cloud",
    field: "subdomain",
    value: "acme.example.com",
    path: "subdomain",
    message: /beyondtrustcloud\.com subdomain/,
  },
  {
    rule: "PRA subdomain is a host, not a URL",
    kind: "pra-cloud",
    field: "subdomain",
    value: "https://acme.beyondtrustcloud.com",
    path: "subdomain",
    message: /host only, e\.g\. acme\.beyondtrustcloud\.com/,
  },
  {
    rule: "Remote Support domain under beyondtrustcloud.com",
    kind: "remote-support-cloud",
    field: "domain",
    value: "support.acme.com",
    path: "domain",
    message: /beyondtrustcloud\.com subdomain/,
  },
  {
    rule: "AD LDAP port is 636 or 389",
    kind: "active-directory",
    field: "ldapPort",
    value: "3268",
    path: "ldapPort",
    message: /636 \(LDAPS\) or 389/,
  },
  {
    rule: "unknown field is named",
    kind: "okta",
    field: "domian",
    value: "acme.okta.com",
    path: "domian",
    message: /unknown field "domian"/,
  },
];

describe("tenant config validation rules", () => {
  test.each(CASES)("$rule", ({ kind, field, value, path, message }) => {
    const text = configWith([withField(kind, field, value)]);
    const problems = problemsOf(text);
    const fullPath = `tenants[0].connectors[0].${path}`;
    const problem = problems.find((p) => p.path === fullPath);
    expect(problems.map((p) => p.path)).toContain(fullPath);
    expect(problem!.message).toMatch(message);
    expect(problem!.line).toBe(lineOf(text, `${field}:`));
    expect(problem!.file).toBe("tenants.yaml");
  });

  test.each(Object.keys(VALID) as Kind[])("a valid %s connector has no problem", (kind) => {
    expect(problemsOf(configWith([VALID[kind]]))).toEqual([]);
  });

  test("a missing required field points at its connector", () => {
    const text = configWith([VALID.okta.replace("domain: acme.okta.com", "")]);
    const [problem] = problemsOf(text);
    expect(problem).toMatchObject({ path: "tenants[0].connectors[0].domain", message: "is required" });
    expect(problem.line).toBe(lineOf(text, "kind: okta"));
  });

  test("an unknown kind lists the valid ones", () => {
    const text = configWith(["kind: azuread\nname: X"]);
    const [problem] = problemsOf(text);
    expect(problem.path).toBe("tenants[0].connectors[0].kind");
    expect(problem.message).toMatch(/must be one of: aws, azure, github, gcp/);
    expect(problem.line).toBe(lineOf(text, "kind: azuread"));
  });

  test("tenant names must suit stack names", () => {
    const text = configWith([], "adapter: sheet", "Acme_Prod");
    const [problem] = problemsOf(text);
    expect(problem).toMatchObject({ path: "tenants[0].name", line: lineOf(text, "Acme_Prod") });
    expect(problem.message).toMatch(/start with a letter/);
  });

  test("tenant names are unique", () => {
    const one = configWith([VALID.okta]);
    const text = `${one}${one.split("\n").slice(2).join("\n")}`;
    const problems = problemsOf(text);
    expect(problems).toHaveLength(1);
    const secondTenantLine = text.split("\n").findIndex((l, i) => i > 2 && l.includes("- name: acme")) + 1;
    expect(secondTenantLine).toBeGreaterThan(3);
    expect(problems[0]).toMatchObject({ path: "tenants[1].name", line: secondTenantLine });
    expect(problems[0].message).toMatch(/duplicate tenant name "acme"/);
  });

  test("connector names are unique per kind within a tenant, ignoring case", () => {
    const text = configWith([VALID.okta, VALID.okta.replace("name: Okta", "name: OKTA")]);
    const problems = problemsOf(text);
    expect(problems).toHaveLength(1);
    expect(problems[0].path).toBe("tenants[0].connectors[1].name");
    expect(problems[0].line).toBe(lineOf(text, "name: OKTA"));
  });

  test("the same name on two kinds is allowed", () => {
    expect(problemsOf(configWith([VALID.okta, VALID.github.replace("name: GH", "name: Okta")]))).toEqual([]);
  });

  test("the http adapter needs url, siteId and token, all reported at once", () => {
    const text = configWith([], "adapter: http");
    expect(
      problemsOf(text)
        .map((p) => p.path)
        .sort(),
    ).toEqual(["tenants[0].insights.siteId", "tenants[0].insights.token", "tenants[0].insights.url"]);
  });

  test("plain http is only for loopback", () => {
    const remote = configWith([], "adapter: emulator\nurl: http://insights.example.com");
    expect(problemsOf(remote)[0]).toMatchObject({ path: "tenants[0].insights.url", line: lineOf(remote, "url:") });
    expect(problemsOf(configWith([], "adapter: emulator\nurl: http://127.0.0.1:8443"))).toEqual([]);
  });

  test("every problem in a file is reported in one pass, in line order", () => {
    const text = configWith(
      [withField("aws", "managementAccountId", '"1"'), withField("okta", "domain", "acme-admin.okta.com")],
      "adapter: http\nurl: http://app.beyondtrust.io",
    );
    const problems = problemsOf(text);
    expect(problems.map((p) => p.path)).toEqual([
      "tenants[0].insights.siteId",
      "tenants[0].insights.token",
      "tenants[0].insights.url",
      "tenants[0].connectors[0].managementAccountId",
      "tenants[0].connectors[1].domain",
    ]);
    const lines = problems.map((p) => p.line);
    expect(lines).toEqual([...lines].sort((a, b) => a - b));
  });

  test("YAML syntax errors are located", () => {
    const text = "version: 1\ntenants:\n  - name: acme\n    insights: { adapter: sheet\n";
    const [problem] = problemsOf(text);
    expect(problem.message).toMatch(/^YAML: /);
    expect(problem.line).toBeGreaterThanOrEqual(4);
  });

  test("duplicate keys are an error", () => {
    const text = configWith([`${VALID.okta}\ndomain: other.okta.com`]);
    const [problem] = problemsOf(text);
    expect(problem.message).toMatch(/YAML: .*unique/i);
    expect(problem.line).toBe(lineOf(text, "other.okta.com"));
  });

  test("version must be 1", () => {
    const text = configWith([]).replace("version: 1", "version: 2");
    expect(problemsOf(text)[0]).toMatchObject({ path: "version", line: 1, message: "must be 1" });
  });
});
