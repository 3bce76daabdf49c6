import { generateKeyPairSync } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  OKTA_CUSTOM_ROLE_PERMISSION,
  OKTA_READ_ONLY_ADMIN,
  OKTA_SCOPES,
  oktaIamResourcesOrn,
} from "../../connectors/okta/grants";
import { FakeOkta } from "../fakes/okta";
import { spawnCliAsync, type CliResult } from "../helpers/cli";
import { runCliAsProcess } from "../helpers/cli-as-process";
import { configWith, VALID } from "../helpers/config-text";
import { compactTime } from "../../providers/text/times";

const DOMAIN = "acme.okta.com";
const SCOPE = `okta-org:${DOMAIN}`;
const APP_ID = "0oa1insightsapp";
const ROLE_ID = "cr0insightsrole";
const SET_ID = "iam0insightsset";
const ISSUER = `https://${DOMAIN}`;
/** The reader's own identity in private-key mode, and the canary that must never be printed. */
const READER_CLIENT = "0oa9verifyreader";
const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
const PEM = privateKey.export({ type: "pkcs8", format: "pem" }).toString();
const PEM_LINE = PEM.split("\n")[2];
const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();
/** A client secret as Okta's secrets list returns it in clear: it must reach no output. */
const CANARY_SECRET = "canary-okta-client-secret-DRUFXGF9XbLn-a3x3POB";

describe("verify: Okta through @okta/okta-sdk-nodejs, against the local fake", () => {
  let fake: FakeOkta;
  let work: string;
  let configFile: string;
  const sswsEnv = () => ({ ...process.env, OKTA_CLIENT_ORGURL: fake.url, OKTA_CLIENT_TOKEN: fake.apiToken });
  type Runner = (argv: string[], env: NodeJS.ProcessEnv) => Promise<CliResult>;
  const argv = (args: string[]) => [
    "verify",
    "--config",
    configFile,
    "--kind",
    "okta",
    "--request-timeout",
    "5",
    ...args,
  ];
  /**
   * Most runs are in this process (test/helpers/cli-as-process.ts): the SDK loads once, not once a
   * run. The first test and the private-key test run the real executable, as a user would.
   */
  const verify = (env: NodeJS.ProcessEnv = sswsEnv(), ...args: string[]) => runCliAsProcess(argv(args), env);
  const verifyInChild = (env: NodeJS.ProcessEnv = sswsEnv(), ...args: string[]) => spawnCliAsync(argv(args), env);
  /** `table`: the run in the default format (verify/render.ts VERIFY_RENDERERS); the other formats run here. */
  const everyOutput = async (env: NodeJS.ProcessEnv, table: CliResult, runner: Runner = runCliAsProcess) =>
    [table, ...(await Promise.all(["json", "markdown"].map((format) => runner(argv(["--format", format]), env))))]
      .map((run) => run.stdout + run.stderr)
      .join("\n");

  beforeEach(async () => {
    fake = new FakeOkta();
    await fake.start();
    work = mkdtempSync(join(tmpdir(), "verify-okta-"));
    configFile = join(work, "tenants.yaml");
    writeFileSync(configFile, configWith([VALID.okta]));
    // What stacks/okta/okta-connector.ts deploys for the default config.
    fake.apps.push({
      id: APP_ID,
      clientId: APP_ID,
      label: "BT Insights - Connector",
      grants: OKTA_SCOPES.map(({ scope }) => ({ scopeId: scope, issuer: ISSUER, status: "ACTIVE" as const })),
      roles: [{ type: OKTA_READ_ONLY_ADMIN }, { type: "CUSTOM", role: ROLE_ID, resourceSet: SET_ID }],
      keys: [{ kid: "kid-current", status: "ACTIVE", created: daysAgo(10) }],
    });
    fake.customRoles.set(ROLE_ID, { label: "Identity Security Insights", permissions: [OKTA_CUSTOM_ROLE_PERMISSION] });
    fake.resourceSets.set(SET_ID, {
      label: "Identity Security Insights",
      resources: [{ orn: oktaIamResourcesOrn(DOMAIN, "00o1acmeorg") }],
    });
  });
  afterEach(async () => {
    await fake.stop();
    rmSync(work, { recursive: true, force: true });
  });

  test("the deployed app matches the catalog: exit 0, the API token never printed", async () => {
    const run = await verifyInChild();
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("verify: every connector matches the catalog");
    expect(run.stdout).toContain(`app: BT Insights - Connector (app ${APP_ID}, client ${APP_ID})`);
    expect(fake.requests.map((r) => r.method).every((m) => m === "GET")).toBe(true);
    expect(await everyOutput(sswsEnv(), run, spawnCliAsync)).not.toContain(fake.apiToken);
  });

  test("okta: a noisy but clean org verifies clean", async () => {
    // Other apps (one whose label starts with the connector's, so `q` finds it too) holding
    // Super Administrator; revoked grants and a retired key on the connector's app; an inactive
    // client secret left from before the switch to private key JWT.
    fake.apps.push(
      {
        id: "0oa3staging",
        clientId: "0oa3staging",
        label: "BT Insights - Connector (staging)",
        grants: [{ scopeId: "okta.users.manage", issuer: ISSUER, status: "ACTIVE" }],
        roles: [{ type: "SUPER_ADMIN" }],
        keys: [],
        authMethod: "client_secret_basic",
        secrets: [{ id: "ocs-staging", status: "ACTIVE", created: daysAgo(3), clientSecret: CANARY_SECRET }],
      },
      {
        id: "0oa4hr",
        clientId: "0oa4hr",
        label: "HR Provisioning",
        grants: [],
        roles: [{ type: "ORG_ADMIN" }],
        keys: [],
      },
    );
    const app = fake.apps[0];
    app.grants.push({ scopeId: "okta.users.manage", issuer: ISSUER, status: "REVOKED" });
    app.keys.push({ kid: "kid-retired", status: "INACTIVE", created: daysAgo(400) });
    app.secrets = [{ id: "ocs-old", status: "INACTIVE", created: daysAgo(300), clientSecret: CANARY_SECRET }];
    const run = await verify();
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("verify: every connector matches the catalog");
    expect(run.stdout).toContain("inactive client secrets: 1");
    expect(fake.requests.some((r) => r.path === `/api/v1/apps/${APP_ID}/credentials/secrets`)).toBe(true);
    expect(await everyOutput(sswsEnv(), run)).not.toContain(CANARY_SECRET);
  });

  test("okta: an extra admin role granted outside the stack is drift", async () => {
    fake.apps[0].roles.push({ type: "APP_ADMIN" });
    for (const format of ["table", "json"]) {
      const run = await verify(sswsEnv(), "--format", format);
      expect(run.code).toBe(3);
      if (format === "json") {
        expect(JSON.parse(run.stdout).connectors[0].drift).toEqual([
          {
            change: "extra",
            subject: `okta-admin-role APP_ADMIN @ ${SCOPE}`,
            access: "admin",
            where: `GET /oauth2/v1/clients/${APP_ID}/roles`,
          },
        ]);
      } else {
        expect(run.stdout).toContain(`extra (admin): okta-admin-role APP_ADMIN @ ${SCOPE}`);
      }
    }
  });

  test("okta: a client secret and secret authentication set outside the stack are drift, the secret never printed", async () => {
    const app = fake.apps[0];
    app.authMethod = "client_secret_basic";
    app.secrets = [{ id: "ocs1backdoor", status: "ACTIVE", created: daysAgo(2), clientSecret: CANARY_SECRET }];
    const run = await verify();
    expect(run.code).toBe(3);
    expect(run.stdout).toContain(
      `condition changed: okta app client authentication @ ${SCOPE} (catalog private_key_jwt, deployed client_secret_basic)`,
    );
    expect(run.stdout).toContain(
      `extra (admin): okta client secret ocs1backdoor @ ${SCOPE} (active, created ${compactTime(app.secrets[0].created)}; ` +
        `the app signs in with a private key only) [GET /api/v1/apps/${APP_ID}/credentials/secrets]`,
    );
    expect(await everyOutput(sswsEnv(), run)).not.toContain(CANARY_SECRET);
  });

  test("extra write scope, missing scope, another admin role, a wider custom role: exit 3, a line each", async () => {
    const app = fake.apps[0];
    app.grants = app.grants.filter((g) => g.scopeId !== "okta.logs.read");
    app.grants.push({ scopeId: "okta.users.manage", issuer: ISSUER, status: "ACTIVE" });
    app.grants.push({ scopeId: "okta.groups.manage", issuer: ISSUER, status: "REVOKED" });
    app.roles.push({ type: "SUPER_ADMIN" });
    fake.customRoles.get(ROLE_ID)!.permissions.push("okta.users.manage");
    fake.resourceSets.get(SET_ID)!.resources.push({ orn: "orn:okta:directory:00o1acmeorg:groups" });
    const run = await verify();
    expect(run.code).toBe(3);
    const out = run.stdout;
    expect(out).toContain(`missing: okta-scope okta.logs.read @ ${SCOPE}`);
    expect(out).toContain(`extra (write): okta-scope okta.users.manage @ ${SCOPE} [GET /api/v1/apps/${APP_ID}/grants]`);
    expect(out).not.toContain("okta.groups.manage");
    expect(out).toContain(
      `extra (admin): okta-admin-role SUPER_ADMIN @ ${SCOPE} [GET /oauth2/v1/clients/${APP_ID}/roles]`,
    );
    expect(out).toContain(
      `extra (write): okta-role-permission okta.users.manage @ ${SCOPE} [GET /api/v1/iam/roles/${ROLE_ID}/permissions]`,
    );
    expect(out).toContain(
      `extra (read): okta-resource-set orn:okta:directory:00o1acmeorg:groups @ ${SCOPE} ` +
        `[GET /api/v1/iam/resource-sets/${SET_ID}/resources]`,
    );
  });

  test("a key older than keyRotationDays: exit 3 naming it; an old key beside a fresh one is not", async () => {
    fake.apps[0].keys = [{ kid: "kid-stale", status: "ACTIVE", created: daysAgo(91) }];
    const stale = await verify();
    expect(stale.code).toBe(3);
    expect(stale.stdout).toContain(
      `credential too old: okta app key kid-stale @ ${SCOPE} (91 days old, keyRotationDays 90) ` +
        `[GET /api/v1/apps/${APP_ID}/credentials/jwks]`,
    );
    fake.apps[0].keys.push({ kid: "kid-next", status: "ACTIVE", created: daysAgo(1) });
    const rotating = await verify();
    expect(rotating.code).toBe(0);
    expect(rotating.stdout).toContain("older keys: 1 still active (rotation under way)");
  });

  test("private-key mode: the SDK's token request to the fake's token endpoint, the key never printed", async () => {
    const readerScopes = ["okta.apps.read", "okta.appGrants.read", "okta.roles.read"];
    fake.addServiceClient(READER_CLIENT, publicKey.export({ type: "spki", format: "pem" }).toString(), readerScopes);
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      OKTA_CLIENT_ORGURL: fake.url,
      OKTA_CLIENT_AUTHORIZATIONMODE: "PrivateKey",
      OKTA_CLIENT_CLIENTID: READER_CLIENT,
      OKTA_CLIENT_SCOPES: readerScopes.join(" "),
      OKTA_CLIENT_PRIVATEKEY: PEM,
    };
    const run = await verifyInChild(env);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(fake.requests.some((r) => r.path === "/oauth2/v1/token")).toBe(true);
    expect(await everyOutput(env, run, spawnCliAsync)).not.toContain(PEM_LINE);
  });

  test("a reader identity without okta.roles.read: exit 1 naming the call and Okta's answer", async () => {
    fake.addServiceClient(READER_CLIENT, publicKey.export({ type: "spki", format: "pem" }).toString(), [
      "okta.apps.read",
      "okta.appGrants.read",
    ]);
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      OKTA_CLIENT_ORGURL: fake.url,
      OKTA_CLIENT_AUTHORIZATIONMODE: "PrivateKey",
      OKTA_CLIENT_CLIENTID: READER_CLIENT,
      OKTA_CLIENT_SCOPES: "okta.apps.read okta.appGrants.read",
      OKTA_CLIENT_PRIVATEKEY: PEM,
    };
    const run = await verify(env);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      `could not be read: GET /oauth2/v1/clients/${APP_ID}/roles: HTTP 403 E0000006: You do not have permission`,
    );
    expect(run.stdout + run.stderr).not.toContain(PEM_LINE);
  });

  test("a wrong API token: exit 1 with Okta's 401, the token never printed", async () => {
    const env = { ...sswsEnv(), OKTA_CLIENT_TOKEN: "canary-okta-token-5d1e" };
    const run = await verify(env);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      "could not be read: GET /api/v1/apps?q=BT Insights - Connector: HTTP 401 E0000011: Invalid token provided",
    );
    expect(await everyOutput(env, run)).not.toContain("canary-okta-token-5d1e");
  });

  test("a server error on the resource set: exit 1 naming the call", async () => {
    fake.failNext(`/api/v1/iam/resource-sets/${SET_ID}/resources`, 500);
    const run = await verify();
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`could not be read: GET /api/v1/iam/resource-sets/${SET_ID}/resources: HTTP 500`);
  });

  test("a stopped fake and a hung one: exit 1, bounded by the deadlines", async () => {
    fake.stall(`/api/v1/apps/${APP_ID}/grants`);
    const hung = await verify(sswsEnv(), "--request-timeout", "1", "--retries", "0");
    expect(hung.code).toBe(1);
    expect(hung.stdout).toContain(`could not be read: GET /api/v1/apps/${APP_ID}/grants: no answer within the request`);
    const env = sswsEnv();
    await fake.stop();
    const stopped = await verify(env);
    expect(stopped.code).toBe(1);
    expect(stopped.stdout).toMatch(/could not be read: GET \/api\/v1\/apps\?q=BT Insights - Connector: .*ECONNREFUSED/);
  });

  test("a redirect and an oversized answer: exit 1, nothing followed, the token never printed", async () => {
    const grants = `/api/v1/apps/${APP_ID}/grants`;
    fake.answerNext(grants, 302, { location: "http://127.0.0.2:1/steal" }, "");
    const redirected = await verify();
    expect(redirected.code).toBe(1);
    expect(redirected.stdout).toContain(
      `could not be read: GET ${grants}: the server redirected; the reader follows no`,
    );
    fake.answerNext(grants, 200, { "content-type": "application/json" }, `[${" ".repeat(9 * 1024 * 1024)}]`);
    const huge = await verify();
    expect(huge.code).toBe(1);
    expect(huge.stdout).toContain(`could not be read: GET ${grants}: the answer is larger than 8388608 bytes`);
    expect(fake.requests.some((r) => r.path === "/steal")).toBe(false);
    expect(redirected.stdout + huge.stdout + huge.stderr).not.toContain(fake.apiToken);
  });

  test("a redirect from a server that keeps its connections: the run ends at once, not when the server hangs up", async () => {
    fake.keepIdleConnectionsFor(60_000);
    fake.answerNext(`/api/v1/apps/${APP_ID}/grants`, 302, { location: "http://127.0.0.2:1/steal" }, "");
    const started = Date.now();
    const run = await verifyInChild();
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("the server redirected; the reader follows no redirect");
    expect(Date.now() - started).toBeLessThan(15_000);
  }, 90_000);

  test("no credentials: exit 1 saying which variables to set", async () => {
    const env: NodeJS.ProcessEnv = { ...process.env, HOME: work };
    for (const name of Object.keys(env)) if (name.startsWith("OKTA_")) delete env[name];
    env.OKTA_CLIENT_ORGURL = fake.url;
    const run = await verify(env);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      "could not be read: Okta credentials: Okta API token not provided: set OKTA_CLIENT_TOKEN",
    );
  });

  test("two apps with the label: exit 1 until INSIGHTS_OKTA_CLIENT_ID picks one", async () => {
    fake.apps.push({ ...fake.apps[0], id: "0oa2other", clientId: "0oa2other", roles: [{ type: "SUPER_ADMIN" }] });
    const ambiguous = await verify();
    expect(ambiguous.code).toBe(1);
    expect(ambiguous.stdout).toContain('2 apps are labelled "BT Insights - Connector"; set INSIGHTS_OKTA_CLIENT_ID');
    const pinned = await verify({ ...sswsEnv(), INSIGHTS_OKTA_CLIENT_ID: APP_ID });
    expect(pinned.code).toBe(0);
  });
});
