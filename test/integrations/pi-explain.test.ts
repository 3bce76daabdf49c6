import {
  explainLookup,
  parseConsoleUser,
  type ExplainSettings,
  type JumpItem,
  type PiAccount,
} from "../../connectors/pra-privileged-identity/explain";

const BASE: ExplainSettings = {
  fallbackToLocalAccount: false,
  mapDomains: ["acme-inc.com=ACME"],
  includeSharedCredentialLists: false,
  includeRemoteSessionOnlyCredentials: false,
  filterDomainCredentialsForWindows: true,
  filterLocalCredentialsForWindows: false,
  includeDomainCredentialsForShell: false,
  includeDomainCredentialsForWeb: false,
  preferIpLookup: false,
};
const RDP: JumpItem = { type: "rdp", hostname: "web01.acme-inc.com" };
const local = (
  accountName: string,
  system: string,
  access: PiAccount["access"],
  extra: Partial<PiAccount> = {},
): PiAccount => ({ accountName, type: "local", system, access, ...extra });
const domainAccount = (
  accountName: string,
  domain: string,
  access: PiAccount["access"],
  extra: Partial<PiAccount> = {},
): PiAccount => ({ accountName, type: "domain", domain, access, ...extra });
const kept = (e: ReturnType<typeof explainLookup>) => e.credentials.filter((c) => c.kept).map((c) => c.account);

describe("ecm explain: what Test Settings would look up", () => {
  describe("console user formats", () => {
    test.each([
      ["joe.user", undefined, { name: "joe.user" }],
      ["ACME\\joe.user", undefined, { name: "joe.user", domain: "ACME" }],
      ["joe.user@acme-inc.com", undefined, { name: "joe.user", domain: "acme-inc.com" }],
      ["joe.user", "uid=joe.user,ou=HelpDesk,dc=acme-inc,dc=com", { name: "joe.user", domain: "acme-inc.com" }],
    ])("%s (DN %s)", (username, distinguishedName, expected) => {
      expect(parseConsoleUser({ username, distinguishedName })).toMatchObject(expected);
    });
  });

  test("Map Domains: a UPN's FQDN becomes the NetBIOS name PI expects", () => {
    const e = explainLookup({ username: "joe.user@acme-inc.com" }, RDP, BASE, [
      local("Administrator", "web01", { "ACME\\joe.user": "recover" }),
    ]);
    expect(e.identity).toBe("ACME\\joe.user");
    expect(e.notes).toContain("Map Domains: acme-inc.com → ACME");
    expect(kept(e)).toEqual(["Administrator"]);
  });

  test("Map Domains: the domain from an LDAP distinguished name is mapped too", () => {
    const e = explainLookup(
      { username: "joe.user", distinguishedName: "uid=joe.user,ou=HelpDesk,dc=acme-inc,dc=com" },
      RDP,
      BASE,
      [],
    );
    expect(e.attempts[0].identity).toBe("ACME\\joe.user");
  });

  test("without a mapping the FQDN is used, and the note says what to add", () => {
    const e = explainLookup({ username: "joe.user@corp.example" }, RDP, BASE, []);
    expect(e.identity).toBe("corp.example\\joe.user");
    expect(e.notes.some((n) => n.includes("add corp.example=NETBIOS"))).toBe(true);
  });

  test("Default Domain for Local BeyondTrust Users: a local user is first looked up in the default domain", () => {
    const accounts = [local("Administrator", "web01", { "ACME\\joe.user": "recover" })];
    const e = explainLookup(
      { username: "joe.user" },
      RDP,
      { ...BASE, defaultDomainForLocalUsers: "acme-inc.com" },
      accounts,
    );
    expect(e.attempts.map((a) => a.identity)).toEqual(["ACME\\joe.user"]);
    expect(kept(e)).toEqual(["Administrator"]);
  });

  test("fallback to local account: a domain user with no domain credentials is tried without the domain", () => {
    const accounts = [local("Administrator", "web01", { "joe.user": "recover" })];
    const off = explainLookup({ username: "ACME\\joe.user" }, RDP, BASE, accounts);
    expect([off.identity, kept(off)]).toEqual(["ACME\\joe.user", []]);
    const on = explainLookup({ username: "ACME\\joe.user" }, RDP, { ...BASE, fallbackToLocalAccount: true }, accounts);
    expect(on.attempts.map((a) => [a.identity, a.kept])).toEqual([
      ["ACME\\joe.user", 0],
      ["joe.user", 1],
    ]);
    expect(kept(on)).toEqual(["Administrator"]);
  });

  test("Common issue — user mapping failed: tested as DOMAIN\\user, but the console sends the username alone (local user, RADIUS)", () => {
    const accounts = [local("Administrator", "web01", { "ACME\\joe.user": "recover" })];
    expect(kept(explainLookup({ username: "ACME\\joe.user" }, RDP, BASE, accounts))).toEqual(["Administrator"]);
    const console = explainLookup({ username: "joe.user" }, RDP, BASE, accounts);
    expect([console.identity, kept(console)]).toEqual(["joe.user", []]);
    expect(console.credentials[0].reason).toBe("joe.user has no permission on it in PI");
    expect(console.notes).toContain(
      "no credential matched: an empty list is a valid result of Test Settings, not an error",
    );
  });

  test("Common issue — user mapping failed: the console sends the FQDN and Map Domains lacks it", () => {
    const accounts = [local("Administrator", "web01", { "ACME\\joe.user": "recover" })];
    const unmapped = explainLookup({ username: "joe.user@acme-inc.com" }, RDP, { ...BASE, mapDomains: [] }, accounts);
    expect([unmapped.identity, kept(unmapped)]).toEqual(["acme-inc.com\\joe.user", []]);
  });

  test("Include credentials from Shared Credential Lists", () => {
    const accounts = [local("svc-shared", "web01", { "ACME\\joe.user": "recover" }, { sharedList: true })];
    const off = explainLookup({ username: "ACME\\joe.user" }, RDP, BASE, accounts);
    expect(off.credentials[0]).toMatchObject({
      kept: false,
      reason: expect.stringContaining("Shared Credential Lists is off"),
    });
    expect(
      kept(
        explainLookup({ username: "ACME\\joe.user" }, RDP, { ...BASE, includeSharedCredentialLists: true }, accounts),
      ),
    ).toEqual(["svc-shared"]);
  });

  test("Include credentials where user only has Allow Remote Session permission", () => {
    const accounts = [local("Administrator", "web01", { "ACME\\joe.user": "remote-session-only" })];
    expect(explainLookup({ username: "ACME\\joe.user" }, RDP, BASE, accounts).credentials[0].reason).toContain(
      "only has Allow Remote Session permission",
    );
    expect(
      kept(
        explainLookup(
          { username: "ACME\\joe.user" },
          RDP,
          { ...BASE, includeRemoteSessionOnlyCredentials: true },
          accounts,
        ),
      ),
    ).toEqual(["Administrator"]);
  });

  const domainAccounts = [
    domainAccount("joe.admin", "ACME", { "ACME\\joe.user": "recover" }),
    domainAccount("ops.admin", "OTHER", { "ACME\\joe.user": "recover" }),
  ];

  test("filter domain credentials for Windows Jump Items: on by default when the host domain is known", () => {
    expect(kept(explainLookup({ username: "ACME\\joe.user" }, RDP, BASE, domainAccounts))).toEqual(["joe.admin"]);
    expect(
      kept(
        explainLookup(
          { username: "ACME\\joe.user" },
          RDP,
          { ...BASE, filterDomainCredentialsForWindows: false },
          domainAccounts,
        ),
      ),
    ).toEqual(["joe.admin", "ops.admin"]);
  });

  test("if no domain is known, domain credentials of every domain are offered, filter on or off", () => {
    const e = explainLookup(
      { username: "ACME\\joe.user" },
      { type: "jump-client", hostname: "web01" },
      BASE,
      domainAccounts,
    );
    expect(kept(e)).toEqual(["joe.admin", "ops.admin"]);
    expect(e.credentials[0].reason).toContain("the endpoint's domain is not known");
  });

  test("filter local credentials for Windows Jump Items: the FQDN must match, not just the hostname", () => {
    const accounts = [
      local("Administrator", "web01.acme-inc.com", { "ACME\\joe.user": "recover" }),
      local("Administrator2", "web01.other.example", { "ACME\\joe.user": "recover" }),
    ];
    expect(kept(explainLookup({ username: "ACME\\joe.user" }, RDP, BASE, accounts))).toEqual([
      "Administrator",
      "Administrator2",
    ]);
    const filtered = explainLookup(
      { username: "ACME\\joe.user" },
      RDP,
      { ...BASE, filterLocalCredentialsForWindows: true },
      accounts,
    );
    expect(kept(filtered)).toEqual(["Administrator"]);
    expect(filtered.credentials[1].reason).toContain("the FQDN must be web01.acme-inc.com");
    // Shell items are not Windows items: no FQDN filtering there.
    expect(
      kept(
        explainLookup(
          { username: "ACME\\joe.user" },
          { type: "shell", hostname: "web01.acme-inc.com" },
          { ...BASE, filterLocalCredentialsForWindows: true },
          accounts,
        ),
      ),
    ).toEqual(["Administrator", "Administrator2"]);
  });

  test("filter local credentials for Windows Jump Items: a PI system stored by short name is filtered too", () => {
    // The seed: the filter ensures "local credential results match the FQDN of the endpoint
    // rather than just the hostname portion"; a short name is only the hostname portion.
    const accounts = [local("Administrator", "web01", { "ACME\\joe.user": "recover" })];
    expect(kept(explainLookup({ username: "ACME\\joe.user" }, RDP, BASE, accounts))).toEqual(["Administrator"]);
    const settings = { ...BASE, filterLocalCredentialsForWindows: true };
    const filtered = explainLookup({ username: "ACME\\joe.user" }, RDP, settings, accounts);
    expect(kept(filtered)).toEqual([]);
    expect(filtered.credentials[0].reason).toBe(
      "local account on web01: the FQDN must be web01.acme-inc.com (filter local credentials for Windows Jump Items)",
    );
  });

  test("Include domain credentials for Shell Jump Items, in three formats", () => {
    const shell: JumpItem = { type: "shell", hostname: "db01.acme-inc.com" };
    expect(kept(explainLookup({ username: "ACME\\joe.user" }, shell, BASE, domainAccounts))).toEqual([]);
    const on = explainLookup(
      { username: "ACME\\joe.user" },
      shell,
      { ...BASE, includeDomainCredentialsForShell: true },
      domainAccounts,
    );
    expect(on.credentials[0].formats).toEqual(["joe.admin", "joe.admin@ACME", "ACME\\joe.admin"]);
  });

  test("Include domain credentials for Web Jump Items, in three formats; the key is the URL's host", () => {
    const web: JumpItem = { type: "web", url: "https://intranet.acme-inc.com/login" };
    const off = explainLookup({ username: "ACME\\joe.user" }, web, BASE, domainAccounts);
    expect(off.endpoint).toEqual({ by: "url-host", value: "intranet.acme-inc.com", domain: "acme-inc.com" });
    expect(kept(off)).toEqual([]);
    const on = explainLookup(
      { username: "ACME\\joe.user" },
      web,
      { ...BASE, includeDomainCredentialsForWeb: true },
      domainAccounts,
    );
    expect(on.credentials.find((c) => c.account === "ops.admin")!.formats).toEqual([
      "ops.admin",
      "ops.admin@OTHER",
      "OTHER\\ops.admin",
    ]);
  });

  test("Prefer lookup of credentials by IP address: the Jump Client's additional IP is the key; without an IP, the hostname", () => {
    const accounts = [
      local("Administrator", "10.0.0.5", { "ACME\\joe.user": "recover" }),
      local("Admin-by-name", "web01", { "ACME\\joe.user": "recover" }),
    ];
    const client: JumpItem = { type: "jump-client", hostname: "web01", additionalIp: "10.0.0.5" };
    const byName = explainLookup({ username: "ACME\\joe.user" }, client, BASE, accounts);
    expect([byName.endpoint.by, kept(byName)]).toEqual(["hostname", ["Admin-by-name"]]);
    const byIp = explainLookup({ username: "ACME\\joe.user" }, client, { ...BASE, preferIpLookup: true }, accounts);
    expect([byIp.endpoint, kept(byIp)]).toEqual([{ by: "ip", value: "10.0.0.5" }, ["Administrator"]]);
    const noIp = explainLookup(
      { username: "ACME\\joe.user" },
      { type: "rdp", hostname: "web01" },
      { ...BASE, preferIpLookup: true },
      accounts,
    );
    expect(noIp.endpoint.by).toBe("hostname");
    expect(noIp.notes).toContain("Prefer lookup by IP is on, but no IP is available: the hostname is used");
  });

  test("RDP + SecureApp: only credentials for the named application", () => {
    const accounts = [
      local("sa", "sql01", { "ACME\\joe.user": "recover" }, { application: "SSMS" }),
      local("Administrator", "sql01", { "ACME\\joe.user": "recover" }),
    ];
    const app = explainLookup(
      { username: "ACME\\joe.user" },
      { type: "rdp-secureapp", hostname: "sql01", applicationName: "SSMS" },
      BASE,
      accounts,
    );
    expect(kept(app)).toEqual(["sa"]);
    expect(
      kept(explainLookup({ username: "ACME\\joe.user" }, { type: "rdp", hostname: "sql01" }, BASE, accounts)),
    ).toEqual(["Administrator"]);
  });
});
