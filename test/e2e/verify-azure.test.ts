import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { AZURE_PERMISSION_GROUPS } from "../../connectors/azure/permissions";
import { ENTRA_SECRET_DISPLAY_NAME } from "../../connectors/azure/secret-lifetime";
import { FakeEntra, selfSignedCertificate, type FakeServicePrincipal } from "../fakes/entra";
import { spawnCliAsync } from "../helpers/cli";
import { runCliAsProcess } from "../helpers/cli-as-process";
import { configWith, VALID } from "../helpers/config-text";
import { requireTool } from "../helpers/require-tool";

const TENANT = "0f5b7c1e-0000-4000-8000-000000000001";
const SCOPE = `entra-tenant:${TENANT}`;
const SECRET = "canary-entra-client-secret-Zq8~4f";
const GRAPH_APP = "00000003-0000-0000-c000-000000000000";
const O365_APP = "c5393580-f805-4401-95e8-94b7a6ef2fc2";
const CONNECTOR_APP = "6d1e2f00-0000-4000-8000-00000000c0de";
const DAY = 24 * 60 * 60 * 1000;
const ROOT_GROUP = `/providers/Microsoft.Management/managementGroups/${TENANT}`;
const WHERE = `service principal BT-SP-Connector (app ${CONNECTOR_APP})`;
/** The identity that applied the stack: the one owner it sets on the application and the service principal. */
const DEPLOYER = { id: "sp-terraform-ci", type: "servicePrincipal" as const, displayName: "terraform-ci" };
/** Template IDs from Microsoft Entra built-in roles (permissions-reference.md, entra-docs @ 00fe95d6). */
const GLOBAL_ADMINISTRATOR = "62e90394-69f5-4237-9190-012177145e10";
const GLOBAL_READER = "f2ef992c-3afb-46b9-b7cf-a126ee74c451";

const openssl = requireTool("openssl", "Entra verify end-to-end (the fake's TLS certificate)");

const roleId = (value: string) => `role-${value}`;
const api = (id: string, appId: string, displayName: string, values: string[]): FakeServicePrincipal => ({
  id,
  appId,
  displayName,
  appRoles: values.map((value) => ({ id: roleId(value), value })),
});
const catalogPermissions = (which: "graph" | "office365") =>
  Object.values(AZURE_PERMISSION_GROUPS)
    .filter((g) => g.api === which)
    .flatMap((g) => [...g.permissions]);

openssl.describe(`verify: Entra ID through Microsoft Graph, against the local fake${openssl.note}`, () => {
  let tls: ReturnType<typeof selfSignedCertificate>;
  let fake: FakeEntra;
  let work: string;
  let configFile: string;
  const env = () => ({
    ...process.env,
    NODE_EXTRA_CA_CERTS: tls.certFile,
    AZURE_TENANT_ID: TENANT,
    AZURE_CLIENT_ID: "11111111-2222-4333-8444-555555555555",
    AZURE_CLIENT_SECRET: SECRET,
    AZURE_AUTHORITY_HOST: fake.url,
    INSIGHTS_GRAPH_URL: fake.url,
    INSIGHTS_ARM_URL: fake.url,
  });
  const argv = (args: string[]) => [
    ...["verify", "--config", configFile, "--kind", "azure", "--skip-connectivity", "--retries", "0"],
    ...args,
  ];
  /** In this process, as a child would run (test/helpers/cli-as-process.ts), so the SDKs load once. */
  const verify = (...args: string[]) => runCliAsProcess(argv(args), env());
  /** The real executable, for the first test. */
  const verifyInChild = (...args: string[]) => spawnCliAsync(argv(args), env());
  /** Grants the connector's service principal each catalog permission, and requests the same. */
  const deploy = (graph: string[] = catalogPermissions("graph"), office = catalogPermissions("office365")) => {
    fake.assignments.set("sp-connector", [
      ...graph.map((v) => ({ resourceId: "sp-graph", appRoleId: roleId(v) })),
      ...office.map((v) => ({ resourceId: "sp-o365", appRoleId: roleId(v) })),
    ]);
    fake.rbac.splice(0, fake.rbac.length, { principalId: "sp-connector", roleName: "Reader", scope: ROOT_GROUP });
    const start = new Date(Date.now() - 10 * DAY);
    fake.owners.set("app-connector", [DEPLOYER]);
    fake.owners.set("sp-connector", [DEPLOYER]);
    fake.applications.splice(0, fake.applications.length, {
      id: "app-connector",
      appId: CONNECTOR_APP,
      requiredResourceAccess: [
        { resourceAppId: GRAPH_APP, resourceAccess: graph.map((v) => ({ id: roleId(v), type: "Role" as const })) },
        { resourceAppId: O365_APP, resourceAccess: office.map((v) => ({ id: roleId(v), type: "Role" as const })) },
      ],
      passwordCredentials: [
        {
          keyId: "key-1",
          displayName: ENTRA_SECRET_DISPLAY_NAME,
          hint: "Zq8",
          startDateTime: start.toISOString(),
          endDateTime: new Date(start.getTime() + 120 * DAY).toISOString(),
        },
      ],
    });
  };

  beforeAll(() => {
    tls = selfSignedCertificate();
  });
  afterAll(() => tls?.cleanup());
  beforeEach(async () => {
    fake = new FakeEntra(tls);
    fake.clientSecret = SECRET;
    await fake.start();
    fake.servicePrincipals.push(
      api("sp-graph", GRAPH_APP, "Microsoft Graph", [...catalogPermissions("graph"), "Directory.ReadWrite.All"]),
      api("sp-o365", O365_APP, "Office 365 Management APIs", catalogPermissions("office365")),
      api("sp-exo", "00000002-0000-0ff1-ce00-000000000000", "Office 365 Exchange Online", ["full_access_as_app"]),
      { id: "sp-connector", appId: CONNECTOR_APP, displayName: "BT-SP-Connector", appRoles: [] },
    );
    work = mkdtempSync(join(tmpdir(), "verify-azure-"));
    configFile = join(work, "tenants.yaml");
    writeFileSync(configFile, configWith([VALID.azure]));
  });
  afterEach(async () => {
    await fake.stop();
    rmSync(work, { recursive: true, force: true });
  });

  test("the catalog's permissions granted and requested, a young secret: exit 0", async () => {
    deploy();
    fake.pageSize = 5; // 21 assignments: five pages, each one followed

    const run = await verifyInChild();
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("verify: every connector matches the catalog");
    expect(run.stdout).toContain(`service principal: BT-SP-Connector (app ${CONNECTOR_APP}, object sp-connector)`);
    expect(fake.requests.filter((r) => r.includes("/appRoleAssignments")).length).toBe(5);
    const rbacRead = `GET ${ROOT_GROUP}/providers/Microsoft.Authorization/roleAssignments?`;
    const listed = fake.requests.find((r) => r.startsWith(rbacRead));
    expect(new URL(listed!.slice(4), fake.url).searchParams.get("$filter")).toBe("principalId eq 'sp-connector'");
    expect(fake.requests.some((r) => r.startsWith("POST /") && r.includes("/oauth2/v2.0/token"))).toBe(true);
    expect(run.stdout + run.stderr).not.toContain(SECRET);
  });

  test("entra: a noisy but clean tenant verifies clean", async () => {
    deploy();
    // What a real tenant holds besides the connector: other apps with admin roles, owners and
    // delegated grants of their own, Global Administrator for a human, the deployer owning both objects.
    fake.servicePrincipals.push(
      { id: "sp-hr-sync", appId: "0b7e0000-0000-4000-8000-0000000000a2", displayName: "HR Sync", appRoles: [] },
      { id: "sp-portal", appId: "0b7e0000-0000-4000-8000-0000000000a3", displayName: "Portal", appRoles: [] },
    );
    fake.assignments.set("sp-hr-sync", [{ resourceId: "sp-graph", appRoleId: roleId("Directory.ReadWrite.All") }]);
    fake.directoryRoles.push(
      {
        principalId: "user-alice",
        displayName: "Global Administrator",
        templateId: GLOBAL_ADMINISTRATOR,
        isBuiltIn: true,
      },
      { principalId: "sp-hr-sync", displayName: "Global Reader", templateId: GLOBAL_READER, isBuiltIn: true },
    );
    fake.owners.set("sp-portal", [{ id: "user-bob", type: "user", displayName: "Bob" }, DEPLOYER]);
    fake.delegatedGrants.set("sp-portal", [
      { resourceId: "sp-graph", consentType: "AllPrincipals", scope: "User.Read openid profile" },
    ]);
    fake.rbac.push({ principalId: "sp-hr-sync", roleName: "Owner", scope: ROOT_GROUP });

    const run = await verify();
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("verify: every connector matches the catalog");
    expect(run.stdout).toContain("owners: terraform-ci (sp-terraform-ci)");
    const asked = (path: string) => fake.requests.some((r) => r.startsWith(`GET /v1.0${path}`));
    expect(asked("/roleManagement/directory/roleAssignments?")).toBe(true);
    expect(asked("/applications/app-connector/federatedIdentityCredentials")).toBe(true);
    expect(asked("/servicePrincipals/sp-connector/oauth2PermissionGrants")).toBe(true);
    expect(asked("/servicePrincipals/sp-connector/owners")).toBe(true);
    expect(run.stdout + run.stderr).not.toContain(SECRET);
  });

  test("entra: Global Administrator assigned outside the stack is drift", async () => {
    deploy();
    fake.directoryRoles.push({
      principalId: "sp-connector",
      displayName: "Global Administrator",
      templateId: GLOBAL_ADMINISTRATOR,
      isBuiltIn: true,
    });
    for (const format of ["table", "json", "markdown"]) {
      const run = await verify("--format", format);
      expect(run.code).toBe(3);
      expect(run.stdout + run.stderr).not.toContain(SECRET);
      if (format === "json") {
        expect(JSON.parse(run.stdout).connectors[0].drift).toEqual([
          {
            change: "extra",
            subject: `entra-directory-role Global Administrator @ ${SCOPE}`,
            access: "admin",
            where: `${WHERE}, directory role assignments`,
          },
        ]);
      }
    }
    const table = await verify();
    expect(table.stdout).toContain(
      `extra (admin): entra-directory-role Global Administrator @ ${SCOPE} [${WHERE}, directory role assignments]`,
    );
  });

  test("entra: owners, certificates, secrets, federated and delegated grants added outside the stack are drift", async () => {
    deploy();
    const end = new Date(Date.now() + 300 * DAY).toISOString();
    const certificate = { type: "AsymmetricX509Cert" as const, usage: "Verify" as const, endDateTime: end };
    fake.owners.get("sp-connector")!.push({ id: "user-mallory", type: "user", displayName: "Mallory" });
    fake.servicePrincipals.find((sp) => sp.id === "sp-connector")!.keyCredentials = [
      { keyId: "cert-sp", displayName: "CN=backdoor", ...certificate },
    ];
    fake.servicePrincipals.find((sp) => sp.id === "sp-connector")!.passwordCredentials = [
      { keyId: "pw-sp", displayName: "sp secret", startDateTime: new Date().toISOString(), endDateTime: end },
    ];
    fake.applications[0]!.keyCredentials = [{ keyId: "cert-app", displayName: "CN=extra", ...certificate }];
    fake.applications[0]!.passwordCredentials.push({
      keyId: "pw-2",
      displayName: "manual",
      startDateTime: new Date().toISOString(),
      endDateTime: end,
    });
    fake.federatedCredentials.set("app-connector", [
      {
        name: "github-main",
        issuer: "https://token.actions.githubusercontent.com",
        subject: "repo:x/y:ref:refs/heads/main",
      },
    ]);
    fake.delegatedGrants.set("sp-connector", [
      { resourceId: "sp-graph", consentType: "AllPrincipals", scope: "Directory.AccessAsUser.All User.Read" },
    ]);

    const run = await verify();
    expect(run.code).toBe(3);
    const out = run.stdout;
    expect(out).toContain("extra (admin): owner user Mallory (user-mallory) of the service principal");
    expect(out).not.toContain("owner servicePrincipal terraform-ci");
    expect(out).toContain("extra (admin): certificate CN=backdoor of the service principal (valid until");
    expect(out).toContain("extra (admin): client secret sp secret of the service principal");
    expect(out).toContain("extra (admin): certificate CN=extra of the application");
    // The table says times to the minute (2027-10-02 12:12Z); JSON keeps them as the server sent them.
    const minute = `${end.slice(0, 10)} ${end.slice(11, 16)}Z`;
    expect(out).toContain(`extra (admin): client secret manual of the application (valid until ${minute}; the stack`);
    expect(out).toContain(
      "extra (admin): federated credential github-main of the application " +
        "(issuer https://token.actions.githubusercontent.com, subject repo:x/y:ref:refs/heads/main)",
    );
    expect(out).toContain(
      `extra (admin): delegated Directory.AccessAsUser.All of Microsoft Graph (${GRAPH_APP}) @ ${SCOPE} ` +
        `(consented for all users) [${WHERE}, oauth2PermissionGrants]`,
    );
    expect(out).toContain(`extra (read): delegated User.Read of Microsoft Graph (${GRAPH_APP}) @ ${SCOPE}`);
    expect(out).not.toContain(`client secret ${ENTRA_SECRET_DISPLAY_NAME} of the application`);
    expect(out + run.stderr).not.toContain(SECRET);
  });

  test("extra write role, a missing role, a foreign API's role and an unconsented request: exit 3", async () => {
    deploy(
      [...catalogPermissions("graph").filter((p) => p !== "AuditLog.Read.All"), "Directory.ReadWrite.All"],
      catalogPermissions("office365"),
    );
    fake.assignments.get("sp-connector")!.push({ resourceId: "sp-exo", appRoleId: roleId("full_access_as_app") });
    fake.applications[0]!.requiredResourceAccess[0]!.resourceAccess.push({
      id: roleId("AuditLog.Read.All"),
      type: "Role",
    });
    const run = await verify("--format", "markdown");
    expect(run.code).toBe(3);
    const where = `[service principal BT-SP-Connector (app ${CONNECTOR_APP}), app role assignments]`;
    expect(run.stdout).toContain(`extra (write): graph-app-role Directory.ReadWrite.All @ ${SCOPE} ${where}`);
    expect(run.stdout).toContain(`missing: graph-app-role AuditLog.Read.All @ ${SCOPE}\n`);
    expect(run.stdout).toContain(
      "extra (write): app role full_access_as_app of Office 365 Exchange Online " +
        `(00000002-0000-0ff1-ce00-000000000000) @ ${SCOPE} ${where}`,
    );
    expect(run.stdout).toContain(
      `pending update: graph-app-role AuditLog.Read.All @ ${SCOPE} (requested, admin consent not granted)`,
    );
    expect(run.stdout + run.stderr).not.toContain(SECRET);
  });

  test("Contributor beside Reader at the root management group, Owner on a subscription: exit 3", async () => {
    deploy();
    fake.rbac.push(
      { principalId: "sp-connector", roleName: "Contributor", scope: ROOT_GROUP },
      {
        principalId: "sp-connector",
        roleName: "Owner",
        scope: "/subscriptions/5b1c0000-0000-4000-8000-0000000000a1",
      },
    );
    const run = await verify();
    expect(run.code).toBe(3);
    expect(run.stdout).toContain(`extra (write): azure-rbac-role Contributor @ azure-management-group:${TENANT}`);
    expect(run.stdout).toContain(
      "extra (admin): azure-rbac-role Owner @ azure-scope:/subscriptions/5b1c0000-0000-4000-8000-0000000000a1",
    );
    expect(run.stdout).not.toContain("missing: azure-rbac-role Reader");
  });

  test("azureResources: false: ARM is not asked, and the facts say so", async () => {
    deploy();
    writeFileSync(configFile, configWith([`${VALID.azure}\nazureResources: false`]));
    const run = await verify();
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("azure resources: not read (azureResources: false): Azure RBAC roles not checked");
    expect(fake.requests.filter((r) => r.includes("/providers/"))).toEqual([]);
  });

  test("a secret valid two years against a 90-day rotation: exit 3, credential too old", async () => {
    deploy();
    const secret = fake.applications[0]!.passwordCredentials[0]!;
    secret.endDateTime = new Date(Date.parse(secret.startDateTime) + 730 * DAY).toISOString();
    const run = await verify();
    expect(run.code).toBe(3);
    expect(run.stdout).toContain(
      `credential too old: client secret ${ENTRA_SECRET_DISPLAY_NAME} (valid 730 days until`,
    );
    expect(run.stdout).toContain("catalog allows 120)");
  });

  test("Graph answers 500: exit 1 naming the call and the status", async () => {
    deploy();
    fake.graphFault = 500;
    const run = await verify();
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('could not be read: service principal "BT-SP-Connector": HTTP 500 Fault: status 500');
  });

  test("Graph answers 401: exit 1 naming the call and Graph's reason", async () => {
    deploy();
    fake.graphFault = 401;
    const run = await verify();
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('could not be read: service principal "BT-SP-Connector": HTTP 401 Fault: status 401');
  });

  test("a wrong client secret: exit 1 with the token endpoint's reason, the secret in no format", async () => {
    deploy();
    fake.clientSecret = "the-real-secret";
    for (const format of ["table", "json", "markdown"]) {
      const run = await verify("--format", format);
      expect(run.code).toBe(1);
      expect(run.stdout).toContain(
        `Entra token for app 11111111-2222-4333-8444-555555555555 from ${fake.url}: ` +
          "AuthenticationRequiredError: invalid_client: AADSTS7000215: Invalid client secret provided.",
      );
      expect(run.stdout + run.stderr).not.toContain(SECRET);
    }
  });

  test("the fake stopped: exit 1, unreadable", async () => {
    deploy();
    await fake.stop();
    const run = await verify("--request-timeout", "5");
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      `could not be read: Entra token for app 11111111-2222-4333-8444-555555555555 from ${fake.url}`,
    );
    expect(run.stdout + run.stderr).not.toContain(SECRET);
  });
});
