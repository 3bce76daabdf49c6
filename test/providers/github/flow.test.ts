import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createGithubApp } from "../../../providers/github/manifest-flow/create-app";
import { credentialsFileHandoff, readCredentialsFile } from "../../../providers/github/credentials-file";
import { GithubFlowError } from "../../../providers/github/errors";
import { hasDrift } from "../../../providers/github/permission-report";
import { manifestPermissions } from "../../../connectors/github/app-manifest";
import { FakeGithub } from "../../fakes/github";
import { blueprintFor, flowOptions, recordingHandoff, scriptedBrowser } from "./helpers";

describe("GitHub App manifest flow against a local fake of GitHub", () => {
  let fake: FakeGithub;
  beforeEach(async () => {
    fake = new FakeGithub();
    await fake.start();
  });
  afterEach(() => fake.stop());

  test("creates the app, hands off ID and PEM, waits for the installation, and finds no drift", async () => {
    const said: string[] = [];
    const handoff = recordingHandoff();
    let browser: Promise<{ status: number; text: string }> | undefined;
    const flow = createGithubApp(
      blueprintFor(fake),
      flowOptions({
        said,
        handoff: {
          appCreated(app) {
            handoff.appCreated(app);
            // The organization owner installs the app while the flow is polling: on its third look.
            fake.installOnLookup("acme", 3);
          },
          appInstalled: (details) => handoff.appInstalled(details),
        },
        onPageReady: (pageUrl) => void (browser = scriptedBrowser(pageUrl)),
      }),
    );
    const result = await flow;
    expect((await browser!).text).toContain("GitHub App created");

    const [app] = [...fake.apps.values()];
    expect(handoff.created!.appId).toBe(app.id);
    expect(handoff.created!.pem.reveal()).toBe(app.pem);
    const installation = fake.installations.get("acme")!;
    expect(result.installedAppUrl).toBe(`${fake.webUrl}/organizations/acme/settings/installations/${installation.id}`);
    expect(handoff.installedAppUrl).toBe(result.installedAppUrl);
    expect(hasDrift(result.report)).toBe(false);
    expect(app.manifest.default_permissions).toEqual(manifestPermissions());

    // Installation lookups were made as the app, with a JWT the fake verified.
    const lookups = fake.requests.filter((r) => r.path === "/api/v3/orgs/acme/installation");
    expect(lookups.length).toBe(3); // installed on the third look, which the permission check reuses
    for (const lookup of lookups) expect(lookup.jwtIssuer).toBe(String(app.id));
    expect(said.filter((line) => /^waiting for the installation on acme… \d+ s of 5 s$/.test(line))).toHaveLength(2);
    expect(said.join("\n")).toContain(`${fake.webUrl}/apps/${app.slug}/installations/new`);
    // The terminal never sees the app ID or the key.
    expect(said.join("\n")).not.toContain(String(app.id));
    expect(said.join("\n")).not.toContain(app.pem.split("\n")[3]);
  });

  test("the file handoff writes ID and PEM to a new 0600 file right after conversion, then the installation URL", async () => {
    const dir = mkdtempSync(join(tmpdir(), "gh-handoff-"));
    const out = join(dir, "app.json");
    try {
      const handoff = credentialsFileHandoff(out);
      const said: string[] = [];
      const result = await createGithubApp(
        blueprintFor(fake),
        flowOptions({
          said,
          handoff: {
            appCreated(app) {
              handoff.appCreated(app);
              expect(statSync(out).mode & 0o777).toBe(0o600);
              expect(JSON.parse(readFileSync(out, "utf8")).installedAppUrl).toBeUndefined();
              fake.install(app.appId, "acme");
            },
            appInstalled: (details) => handoff.appInstalled(details),
          },
          onPageReady: (url) => void scriptedBrowser(url),
        }),
      );
      const [app] = [...fake.apps.values()];
      expect(statSync(out).mode & 0o777).toBe(0o600);
      const saved = readCredentialsFile(out);
      expect(saved.appId).toBe(app.id);
      expect(saved.pem.reveal()).toBe(app.pem);
      expect(saved.installedAppUrl).toBe(result.installedAppUrl);
      expect(String(saved.pem)).toBe("[redacted]");
      expect(JSON.stringify(saved)).not.toContain("PRIVATE KEY");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test("a stray redirect with a wrong state or no code gets 400 and changes nothing; the real one then completes the flow", async () => {
    const said: string[] = [];
    const strays: number[] = [];
    let browser: Promise<{ status: number; text: string }> | undefined;
    const flow = createGithubApp(
      blueprintFor(fake),
      flowOptions({
        said,
        handoff: { appCreated: (app) => void fake.install(app.appId, "acme"), appInstalled: () => undefined },
        onPageReady: (url) => {
          browser = scriptedBrowser(url, {
            meanwhile: async ({ state, callbackUrl }) => {
              for (const query of ["?state=guess&code=abc", "?code=abc", `?state=${state}`, "?state=guess"]) {
                strays.push((await fetch(`${callbackUrl}${query}`)).status);
              }
            },
          });
        },
      }),
    );
    await expect(flow).resolves.toMatchObject({ installedAppUrl: expect.stringContaining("/settings/installations/") });
    expect(strays).toEqual([400, 400, 400, 400]);
    expect((await browser!).status).toBe(200);
    // Only the real code was converted.
    expect(fake.requests.filter((r) => r.path.includes("/conversions"))).toHaveLength(1);
  });

  test("a tampered redirect is answered 400 and converts nothing; the flow waits on for the genuine one", async () => {
    const said: string[] = [];
    let browse!: (url: string) => void;
    const tampered = new Promise<{ status: number; text: string }>((resolve, reject) => {
      browse = (url) => scriptedBrowser(url, { tamperState: true }).then(resolve, reject);
    });
    const flow = createGithubApp(
      blueprintFor(fake),
      flowOptions({
        said,
        handoff: { appCreated: (app) => void fake.install(app.appId, "acme"), appInstalled: () => undefined },
        onPageReady: (url) => browse(url),
      }),
    );
    // No clock decides the order: the genuine redirect is replayed only once the tampered one was answered.
    expect((await tampered).status).toBe(400);
    expect(fake.requests.some((r) => r.path.includes("/conversions"))).toBe(false);
    const genuine = await fetch(fake.redirects[0]);
    expect(genuine.status).toBe(200);
    await expect(flow).resolves.toMatchObject({ installedAppUrl: expect.stringContaining("/settings/installations/") });
    expect(fake.requests.filter((r) => r.path.includes("/conversions"))).toHaveLength(1);
  });

  test("an expired code gives a clear error naming the one-hour validity", async () => {
    fake.codeMaxAgeMs = -1;
    const said: string[] = [];
    const flow = createGithubApp(
      blueprintFor(fake),
      flowOptions({ said, onPageReady: (url) => void scriptedBrowser(url) }),
    );
    await expect(flow).rejects.toThrow(
      /refused the manifest code \(HTTP 404\): it expired \(codes are valid for one hour\) or was already used/,
    );
  });

  test("no installation within the timeout: a clear error, after the credentials were already handed off", async () => {
    const said: string[] = [];
    const handoff = recordingHandoff();
    const flow = createGithubApp(
      blueprintFor(fake),
      flowOptions({ said, handoff, installTimeoutMs: 300, onPageReady: (url) => void scriptedBrowser(url) }),
    );
    await expect(flow).rejects.toThrow(/the app is not installed on acme after \d+ s/);
    expect(handoff.created?.appId).toBe([...fake.apps.keys()][0]);
    expect(handoff.installedAppUrl).toBeUndefined();
  });

  test("an installation with fewer, extra, stronger or pending permissions is reported as drift", async () => {
    const said: string[] = [];
    const granted = { ...manifestPermissions(), organization_events: "write", secrets: "read" } as Record<
      string,
      string
    >;
    delete granted.members;
    const flow = createGithubApp(
      blueprintFor(fake),
      flowOptions({
        said,
        handoff: { appCreated: (app) => void fake.install(app.appId, "acme", granted), appInstalled: () => undefined },
        onPageReady: (url) => void scriptedBrowser(url),
      }),
    );
    const { report } = await flow;
    expect(report.missing).toEqual(["members: read"]);
    expect(report.extra).toEqual(["secrets: read"]);
    expect(report.wrongLevel).toEqual(["organization_events: write (catalog: read)"]);
    expect(report.pendingUpgrade).toEqual([
      "members: read requested, installation has none",
      "organization_events: read requested, installation has write",
    ]);
    expect(hasDrift(report)).toBe(true);
  });

  test("no redirect at all within the timeout ends the flow and frees the port", async () => {
    const said: string[] = [];
    let pageUrl = "";
    const flow = createGithubApp(
      blueprintFor(fake),
      flowOptions({ said, callbackTimeoutMs: 200, onPageReady: (url) => void (pageUrl = url) }),
    );
    await expect(flow).rejects.toThrow(/no redirect from GitHub within 0 s/);
    await expect(flow).rejects.toBeInstanceOf(GithubFlowError);
    await expect(fetch(pageUrl)).rejects.toThrow();
  });
});
