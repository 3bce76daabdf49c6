import { generateKeyPairSync } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { FakeGcp } from "../fakes/gcp";
import { spawnCliAsync } from "../helpers/cli";
import { runCliAsProcess } from "../helpers/cli-as-process";
import { configWith, VALID } from "../helpers/config-text";

jest.setTimeout(60_000);

const ORG = "123456789012";
const PROJECT = "bt-insights-connector";
const SA = `bt-insights-connector@${PROJECT}.iam.gserviceaccount.com`;
const READER = `insights-verify@${PROJECT}.iam.gserviceaccount.com`;
const DAY = 24 * 60 * 60 * 1000;
const RM = "//cloudresourcemanager.googleapis.com";
const ORG_RESOURCE = `${RM}/organizations/${ORG}`;
/**
 * What Google enables on a project made in the console or with gcloud ("Services enabled by default",
 * cloud.google.com/service-usage/docs/enabled-service; BigQuery's "Manage API dependencies" names the
 * BigQuery ones), besides the catalog's four: none of them is the connector's, none is drift.
 */
const DEFAULT_SERVICES = [
  "analyticshub.googleapis.com",
  "bigquery.googleapis.com",
  "bigqueryconnection.googleapis.com",
  "bigquerydatapolicy.googleapis.com",
  "bigquerymigration.googleapis.com",
  "bigqueryreservation.googleapis.com",
  "bigquerystorage.googleapis.com",
  "cloudapis.googleapis.com",
  "cloudtrace.googleapis.com",
  "dataform.googleapis.com",
  "dataplex.googleapis.com",
  "datastore.googleapis.com",
  "monitoring.googleapis.com",
  "servicemanagement.googleapis.com",
  "serviceusage.googleapis.com",
  "sql-component.googleapis.com",
  "storage-api.googleapis.com",
  "storage-component.googleapis.com",
  "storage.googleapis.com",
];
const daysAgo = (days: number) => new Date(Date.now() - days * DAY).toISOString();

describe("verify: GCP against the local fake of Resource Manager, Service Usage and IAM", () => {
  let fake: FakeGcp;
  let work: string;
  let configFile: string;
  let env: NodeJS.ProcessEnv;
  const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const pem = privateKey.export({ type: "pkcs8", format: "pem" }).toString();
  const pemLine = pem.split("\n")[3];
  const argv = (extra: string[]) => ["verify", "--config", configFile, "--kind", "gcp", "--retries", "1", ...extra];
  /** In this process, as a child would run (test/helpers/cli-as-process.ts), so the SDKs load once. */
  const verify = (...extra: string[]) => runCliAsProcess(argv(extra), env);
  /** The real executable, for the first test. */
  const verifyInChild = (...extra: string[]) => spawnCliAsync(argv(extra), env);
  const secretsIn = (text: string) => {
    const tokens = fake.requests.map((r) => r.authorization?.replace("Bearer ", "")).filter(Boolean) as string[];
    return [pemLine, ...tokens].filter((secret) => text.includes(secret));
  };

  beforeEach(async () => {
    fake = new FakeGcp();
    await fake.start();
    work = mkdtempSync(join(tmpdir(), "verify-gcp-"));
    configFile = join(work, "tenants.yaml");
    writeFileSync(configFile, configWith([VALID.gcp]));
    const keyFile = join(work, "reader-key.json");
    const keyJson = {
      type: "service_account",
      project_id: PROJECT,
      private_key_id: "4f2c",
      private_key: pem,
      client_email: READER,
      token_uri: fake.tokenUri,
    };
    writeFileSync(keyFile, JSON.stringify(keyJson), { mode: 0o600 });
    fake.accounts.set(READER, publicKey);
    fake.orgPolicies.set(ORG, [
      { role: "roles/cloudasset.viewer", members: [`serviceAccount:${SA}`, "group:secops@acme.example"] },
      { role: "roles/iam.securityReviewer", members: [`serviceAccount:${SA}`, `serviceAccount:${READER}`] },
      { role: "roles/owner", members: ["user:admin@acme.example"] },
    ]);
    // Cloud Asset indexes the organization's own policy too; the reader takes that one from getIamPolicy.
    fake.assetPolicies.set(ORG, [
      {
        resource: ORG_RESOURCE,
        assetType: "cloudresourcemanager.googleapis.com/Organization",
        bindings: fake.orgPolicies.get(ORG)!,
      },
    ]);
    fake.serviceAccountPolicies.set(SA, []);
    fake.enabledServices.set(PROJECT, [
      "cloudasset.googleapis.com",
      "cloudresourcemanager.googleapis.com",
      "iam.googleapis.com",
      "logging.googleapis.com",
    ]);
    fake.servicesPageLimit = 3;
    fake.keys.set(SA, [
      { id: "a1b2c3", validAfterTime: daysAgo(10) },
      { id: "sys1", validAfterTime: daysAgo(400), keyType: "SYSTEM_MANAGED" },
    ]);
    env = {
      ...process.env,
      GOOGLE_APPLICATION_CREDENTIALS: keyFile,
      CLOUDSDK_API_ENDPOINT_OVERRIDES_CLOUDRESOURCEMANAGER: fake.url,
      CLOUDSDK_API_ENDPOINT_OVERRIDES_SERVICEUSAGE: fake.url,
      CLOUDSDK_API_ENDPOINT_OVERRIDES_IAM: fake.url,
      CLOUDSDK_API_ENDPOINT_OVERRIDES_CLOUDASSET: fake.url,
    };
  });
  afterEach(async () => {
    await fake.stop();
    rmSync(work, { recursive: true, force: true });
  });

  test("exactly the catalog's roles, services and a fresh key: exit 0, nothing secret printed", async () => {
    const run = await verifyInChild();
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("verify: every connector matches the catalog");
    expect(run.stdout).toContain(`service account: ${SA}`);
    expect(run.stdout).toContain(
      `not compared: gcp-api @ gcp-organization-projects:${ORG} (verify reads the connector project's services only)`,
    );
    // Four services over pages of three: the reader followed nextPageToken.
    expect(fake.requests.filter((r) => r.path === `/v1/projects/${PROJECT}/services`)).toHaveLength(2);
    expect(fake.requests.find((r) => r.path.endsWith("/keys"))?.query).toBe("?keyTypes=USER_MANAGED");
    expect(secretsIn(run.stdout + run.stderr)).toEqual([]);
  });

  test("an extra write role, a missing role, a missing API and an old key: exit 3, one line each", async () => {
    fake.orgPolicies.set(ORG, [
      { role: "roles/iam.securityReviewer", members: [`serviceAccount:${SA}`] },
      { role: "roles/iam.serviceAccountKeyAdmin", members: [`serviceAccount:${SA}`] },
      { role: "roles/storage.objectCreator", members: ["group:x@acme.example", `serviceAccount:${SA}`] },
    ]);
    fake.enabledServices.get(PROJECT)!.push("compute.googleapis.com");
    fake.enabledServices.set(
      PROJECT,
      fake.enabledServices.get(PROJECT)!.filter((s) => s !== "logging.googleapis.com"),
    );
    fake.keys.set(SA, [
      { id: "old9", validAfterTime: daysAgo(95) },
      { id: "new1", validAfterTime: daysAgo(1) },
    ]);
    for (const format of ["table", "json", "markdown"]) {
      const run = await verify("--format", format);
      expect(run.code).toBe(3);
      expect(secretsIn(run.stdout + run.stderr)).toEqual([]);
      if (format !== "table") continue;
      const org = `@ gcp-organization:${ORG} [organizations/${ORG} IAM policy]`;
      const project = `@ gcp-project:${PROJECT} [projects/${PROJECT} enabled services]`;
      expect(run.stdout).toContain(`missing: gcp-iam-role roles/cloudasset.viewer @ gcp-organization:${ORG}`);
      expect(run.stdout).toContain(`extra (admin): gcp-iam-role roles/iam.serviceAccountKeyAdmin ${org}`);
      expect(run.stdout).toContain(`extra (write): gcp-iam-role roles/storage.objectCreator ${org}`);
      // Not the connector's and not needed by it: counted, never drift.
      expect(run.stdout).not.toContain("compute.googleapis.com");
      expect(run.stdout).toContain(`other enabled services, projects/${PROJECT}: 1, not compared`);
      expect(run.stdout).not.toContain(project);
      expect(run.stdout).toContain(`missing: gcp-api logging.googleapis.com @ gcp-project:${PROJECT}`);
      expect(run.stdout).toContain(
        `credential too old: service account key old9 of ${SA} (95 days old, rotation every 90 days (+2 grace))`,
      );
      expect(run.stdout).not.toContain("key new1");
    }
  });

  test("gcp: a noisy but clean organization verifies clean", async () => {
    // Google's default services on the connector project; other principals' roles on projects,
    // folders and buckets; the reader's own bindings; a viewer of the service account; Google's
    // system-managed key and a disabled old key.
    fake.enabledServices.get(PROJECT)!.push(...DEFAULT_SERVICES);
    fake.assetPolicies.get(ORG)!.push(
      {
        resource: `${RM}/projects/acme-web`,
        assetType: "cloudresourcemanager.googleapis.com/Project",
        bindings: [
          { role: "roles/editor", members: ["serviceAccount:123456789-compute@developer.gserviceaccount.com"] },
          { role: "roles/owner", members: ["group:web-admins@acme.example"] },
        ],
      },
      {
        resource: `${RM}/folders/555`,
        assetType: "cloudresourcemanager.googleapis.com/Folder",
        bindings: [{ role: "roles/resourcemanager.folderAdmin", members: ["group:platform@acme.example"] }],
      },
      {
        resource: "//storage.googleapis.com/acme-logs",
        assetType: "storage.googleapis.com/Bucket",
        bindings: [{ role: "roles/storage.objectViewer", members: [`serviceAccount:${READER}`] }],
      },
    );
    fake.serviceAccountPolicies.set(SA, [
      { role: "roles/iam.serviceAccountViewer", members: ["group:secops@acme.example"] },
    ]);
    fake.keys.get(SA)!.push({ id: "retired0", validAfterTime: daysAgo(200), disabled: true });
    const run = await verify();
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("verify: every connector matches the catalog");
    expect(run.stdout).toContain(
      `other enabled services, projects/${PROJECT}: ${DEFAULT_SERVICES.length}, not compared`,
    );
    expect(run.stdout).toContain(
      "may view the service account: group:secops@acme.example (roles/iam.serviceAccountViewer)",
    );
    const search = fake.requests.find((r) => r.path === `/v1/organizations/${ORG}:searchAllIamPolicies`);
    expect(new URLSearchParams(search!.query).get("query")).toBe(`policy:${SA}`);
    expect(fake.requests.some((r) => r.path.endsWith(`/serviceAccounts/${SA}:getIamPolicy`))).toBe(true);
    expect(secretsIn(run.stdout + run.stderr)).toEqual([]);
  });

  test("gcp: project-level roles/editor granted outside the stack is drift", async () => {
    fake.assetPolicies.get(ORG)!.push({
      resource: `${RM}/projects/acme-web`,
      assetType: "cloudresourcemanager.googleapis.com/Project",
      bindings: [{ role: "roles/editor", members: ["group:web-admins@acme.example", `serviceAccount:${SA}`] }],
    });
    for (const format of ["table", "json", "markdown"]) {
      const run = await verify("--format", format);
      expect(run.code).toBe(3);
      expect(secretsIn(run.stdout + run.stderr)).toEqual([]);
      if (format === "json") {
        expect(JSON.parse(run.stdout).connectors[0].drift).toEqual([
          {
            change: "extra",
            subject: "gcp-iam-role roles/editor @ gcp-project:acme-web",
            access: "write",
            where: `Cloud Asset searchAllIamPolicies, ${RM}/projects/acme-web`,
          },
        ]);
      }
    }
  });

  test("gcp: folder and bucket roles granted outside the stack are drift, each at its level", async () => {
    fake.assetPolicies.get(ORG)!.push(
      {
        resource: `${RM}/folders/555`,
        assetType: "cloudresourcemanager.googleapis.com/Folder",
        bindings: [{ role: "roles/resourcemanager.folderAdmin", members: [`serviceAccount:${SA}`] }],
      },
      {
        resource: "//storage.googleapis.com/acme-logs",
        assetType: "storage.googleapis.com/Bucket",
        bindings: [{ role: "roles/storage.objectViewer", members: [`serviceAccount:${SA}`] }],
      },
    );
    fake.searchPageLimit = 1; // three results over three pages: the reader follows nextPageToken
    const run = await verify();
    expect(run.code).toBe(3);
    expect(run.stdout).toContain("extra (admin): gcp-iam-role roles/resourcemanager.folderAdmin @ gcp-folder:555");
    expect(run.stdout).toContain(
      "extra (read): gcp-iam-role roles/storage.objectViewer @ gcp-resource://storage.googleapis.com/acme-logs",
    );
    expect(fake.requests.filter((r) => r.path.endsWith(":searchAllIamPolicies"))).toHaveLength(3);
  });

  test("gcp: impersonation and key minting granted on the service account outside the stack are drift", async () => {
    fake.serviceAccountPolicies.set(SA, [
      { role: "roles/iam.serviceAccountTokenCreator", members: ["user:mallory@acme.example"] },
      { role: "roles/iam.serviceAccountKeyAdmin", members: ["group:ops@acme.example"] },
      { role: "roles/iam.serviceAccountViewer", members: ["group:secops@acme.example"] },
    ]);
    const run = await verify();
    expect(run.code).toBe(3);
    const where = `[projects/${PROJECT}/serviceAccounts/${SA} IAM policy]`;
    expect(run.stdout).toContain(
      `extra (write): roles/iam.serviceAccountTokenCreator for user:mallory@acme.example on service account ${SA} ${where}`,
    );
    expect(run.stdout).toContain(
      `extra (admin): roles/iam.serviceAccountKeyAdmin for group:ops@acme.example on service account ${SA}`,
    );
    expect(run.stdout).not.toContain("extra (read): roles/iam.serviceAccountViewer");
  });

  test("gcp: a key uploaded and a third key made outside the stack are drift", async () => {
    fake.keys.set(SA, [
      { id: "k-old", validAfterTime: daysAgo(20) },
      { id: "k-cur", validAfterTime: daysAgo(10) },
      { id: "k-next", validAfterTime: daysAgo(1) },
      { id: "k-byo", validAfterTime: daysAgo(5), keyOrigin: "USER_PROVIDED" },
    ]);
    const run = await verify();
    expect(run.code).toBe(3);
    expect(run.stdout).toContain(
      `extra (admin): service account key k-byo of ${SA} (uploaded (USER_PROVIDED); the stack's keys are made by Google)`,
    );
    expect(run.stdout).toContain(
      `extra (admin): service account key k-old of ${SA} (3 enabled keys; the stack holds at most 2 (current and next))`,
    );
    expect(run.stdout).not.toContain("key k-cur of");
    expect(run.stdout).not.toContain("key k-next of");
  });

  test("a role under a condition is not the catalog's unconditional role: exit 3", async () => {
    fake.orgPolicies.get(ORG)![0].condition = {
      expression: "request.time < timestamp('2030-01-01T00:00:00Z')",
      title: "t",
    };
    const run = await verify();
    expect(run.code).toBe(3);
    expect(run.stdout).toContain("condition changed: gcp-iam-role roles/cloudasset.viewer");
  });

  test("no user-managed key at all: exit 3, the key is missing", async () => {
    fake.keys.set(SA, [{ id: "sys1", validAfterTime: daysAgo(3), keyType: "SYSTEM_MANAGED" }]);
    const run = await verify();
    expect(run.code).toBe(3);
    expect(run.stdout).toContain(`missing: service account key (none enabled) of ${SA}`);
  });

  test("the organization policy answers 403: exit 1 naming the call and Google's reason", async () => {
    fake.failNext(`/v3/organizations/${ORG}:getIamPolicy`, 403, "The caller does not have permission");
    const run = await verify();
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      `could not be read: getIamPolicy organizations/${ORG}: ` +
        "HTTP 403: PERMISSION_DENIED The caller does not have permission",
    );
  });

  test("a 503 is retried within the ceiling; a 500 on every attempt is unreadable", async () => {
    fake.failNext(`/v1/projects/${PROJECT}/services`, 503);
    expect((await verify()).code).toBe(0);
    fake.failNext(`/v1/projects/${PROJECT}/services`, 500, "boom\u001b]0;pwned\u0007", 2);
    const run = await verify();
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      `could not be read: serviceusage services.list projects/${PROJECT}: HTTP 500: INTERNAL boom`,
    );
    expect(run.stdout).not.toContain("\u001b");
  });

  test("a 401 from the IAM API and a hung key listing: exit 1, each named", async () => {
    const keysPath = `/v1/projects/${PROJECT}/serviceAccounts/${SA}/keys`;
    fake.failNext(keysPath, 401, "Request had invalid authentication credentials.");
    let run = await verify();
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      `could not be read: serviceAccounts.keys.list ${SA}: HTTP 401: UNAUTHENTICATED Request had invalid`,
    );
    fake.stalled.add(keysPath);
    run = await verify("--request-timeout", "1", "--retries", "0");
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`could not be read: serviceAccounts.keys.list ${SA}: no answer within 1 s`);
  });

  test("the token endpoint refuses the key: exit 1, the key never printed", async () => {
    fake.accounts.set(READER, generateKeyPairSync("rsa", { modulusLength: 2048 }).publicKey);
    const run = await verify("--format", "json");
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`token exchange for ${READER}: HTTP 400: invalid_grant Invalid JWT Signature.`);
    expect(secretsIn(run.stdout + run.stderr)).toEqual([]);
  });

  test("the source is stopped: exit 1 saying the connection was refused", async () => {
    await fake.stop();
    const run = await verify();
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/could not be read: token exchange for .*: ECONNREFUSED/);
  });

  test("no GOOGLE_APPLICATION_CREDENTIALS: exit 1 saying which variable", async () => {
    delete env.GOOGLE_APPLICATION_CREDENTIALS;
    const run = await verify();
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("could not be read: GCP credentials: GOOGLE_APPLICATION_CREDENTIALS is not set");
  });
});
