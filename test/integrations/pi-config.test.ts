import { configWith, lineOf, problemsOf } from "../helpers/config-text";

/** A valid integration entry; `plugin` lines can be replaced one by one. */
function entry(pluginOverrides: Record<string, string> = {}, top: Record<string, string> = {}): string {
  const plugin: Record<string, string> = {
    endpointUrl: "https://pi.acme-inc.com/ERPMWebService/AuthService.svc",
    apiUser: "svc-ecm",
    apiPassword: "env:PI_PASSWORD",
    apiRegistrationKey: "env:PI_KEY",
    globalApprover: "svc-approver",
    ...pluginOverrides,
  };
  const fields: Record<string, string> = {
    praHost: "pra.acme-inc.com",
    ecmHosts: "[ecm01.acme-inc.com]",
    impersonates: "[ACME\\PAM-Operators]",
    ...top,
  };
  return [
    "kind: pra-privileged-identity",
    "name: PRA to PI",
    ...Object.entries(fields).map(([k, v]) => `${k}: ${v}`),
    "plugin:",
    ...Object.entries(plugin).map(([k, v]) => `  ${k}: ${v}`),
  ].join("\n");
}

function problemAt(text: string, path: string) {
  return problemsOf(text).find((p) => p.path === `tenants[0].connectors[0].${path}`);
}

describe("pra-privileged-identity config validation", () => {
  test("a complete entry is valid, with the document's defaults", () => {
    expect(problemsOf(configWith([entry()]))).toEqual([]);
  });

  test.each([
    [
      "endpoint must be https",
      { endpointUrl: "http://pi.acme-inc.com/ERPMWebService/AuthService.svc" },
      "plugin.endpointUrl",
      /must use https/,
    ],
    [
      "endpoint must end in /ERPMWebService/AuthService.svc",
      { endpointUrl: "https://pi.acme-inc.com/ERPMWebService" },
      "plugin.endpointUrl",
      /must end in \/ERPMWebService\/AuthService\.svc.*https:\/\/pi\.acme-inc\.com\/ERPMWebService\/AuthService\.svc/,
    ],
    [
      "API password is a reference, never a literal",
      { apiPassword: "hunter2" },
      "plugin.apiPassword",
      /literal secret is not allowed/,
    ],
    ["Map Domains lines are FQDN=NetBIOS", { mapDomains: "[acme-inc.com]" }, "plugin.mapDomains[0]", /FQDN=NetBIOS/],
    [
      "Map Domains FQDN must be a domain",
      { mapDomains: "[acme=ACME]" },
      "plugin.mapDomains[0]",
      /not a fully qualified domain name/,
    ],
    [
      "Map Domains NetBIOS name is at most 15 characters, no dots",
      { mapDomains: "[acme-inc.com=ACME.INC]" },
      "plugin.mapDomains[0]",
      /not a NetBIOS domain name/,
    ],
    [
      "Map Domains has no duplicate",
      { mapDomains: "[acme-inc.com=ACME, ACME-INC.com=AC]" },
      "plugin.mapDomains[1]",
      /maps ACME-INC\.com a second time/,
    ],
    [
      "template job IDs are numeric",
      { passwordChangeTemplateJobIds: "[12, abc]" },
      "plugin.passwordChangeTemplateJobIds[1]",
      /.+/,
    ],
    [
      "template job IDs are required with spin jobs before the built-in spin API",
      { enableSpinJobs: "true", piVersion: "before-built-in-spin-api" },
      "plugin.passwordChangeTemplateJobIds",
      /one template job per stored credential type/,
    ],
    [
      "<username> is the only Job Comment placeholder",
      { jobComment: '"spun for <user>"' },
      "plugin.jobComment",
      /<username> is the only placeholder/,
    ],
  ])("%s", (_rule, overrides, path, message) => {
    const text = configWith([entry(overrides as Record<string, string>)]);
    const problem = problemAt(text, path);
    expect(problem?.message).toMatch(message);
    const field = path
      .split(".")
      .pop()!
      .replace(/\[\d+\]$/, "");
    // A missing field is reported at the object that lacks it.
    expect(problem!.line).toBe(
      lineOf(text, text.includes(`${field}:`) ? `${field}:` : "plugin:") + (text.includes(`${field}:`) ? 0 : 1),
    );
  });

  test("spin jobs with the built-in spin API need no template jobs; with template jobs both versions are fine", () => {
    expect(problemsOf(configWith([entry({ enableSpinJobs: "true", piVersion: "with-built-in-spin-api" })]))).toEqual(
      [],
    );
    expect(
      problemsOf(
        configWith([
          entry({
            enableSpinJobs: "true",
            piVersion: "before-built-in-spin-api",
            passwordChangeTemplateJobIds: '[101, "102"]',
          }),
        ]),
      ),
    ).toEqual([]);
  });

  test("at most three ECMs serve one site; the B Series host is a host name, not a URL", () => {
    expect(
      problemAt(
        configWith([entry({}, { ecmHosts: "[a.example.com, b.example.com, c.example.com, d.example.com]" })]),
        "ecmHosts",
      )?.message,
    ).toMatch(/at most three ECMs/);
    expect(
      problemAt(configWith([entry({}, { praHost: "https://pra.acme-inc.com/login" })]), "praHost")?.message,
    ).toMatch(/without scheme or path/);
  });
});
