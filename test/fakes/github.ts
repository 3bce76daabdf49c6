/**
 * A local fake of the GitHub endpoints the App manifest flow uses, built from GitHub's
 * public docs ("Registering a GitHub App from a manifest", REST "Apps"). It listens on
 * 127.0.0.1 only, serves the web side at `/` and the REST API under `/api/v3` (as
 * GitHub Enterprise Server does), and checks every app JWT like GitHub would.
 */
import { createVerify, generateKeyPairSync, randomBytes, type KeyObject } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { readBody } from "../../providers/http/read-body";
import { closeLoopback, listenOnLoopback } from "./loopback";

export interface FakeApp {
  id: number;
  slug: string;
  name: string;
  owner: string;
  manifest: Record<string, any>;
  pem: string;
  publicKey: KeyObject;
  /** What the app currently requests (ahead of installations after an update). */
  permissions: Record<string, string>;
}

interface PendingCreation {
  state: string;
  org: string;
  manifest: Record<string, any>;
}

export interface FakeRequest {
  method: string;
  path: string;
  authorization?: string;
  jwtIssuer?: string;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

export class FakeGithub {
  readonly apps = new Map<number, FakeApp>();
  readonly installations = new Map<string, { id: number; appId: number; permissions: Record<string, string> }>();
  readonly requests: FakeRequest[] = [];
  /** Every redirect back to a manifest's redirect_url (code and state), so a test can replay the genuine one. */
  readonly redirects: string[] = [];
  /** GitHub's manifest codes live one hour; tests shorten it to prove expiry. */
  codeMaxAgeMs = 60 * 60 * 1000;
  /** The secrets a conversion answers with besides the key; tests set canaries to prove they are dropped. */
  conversionSecrets: { client_secret: string; webhook_secret: string | null } = {
    client_secret: randomBytes(20).toString("hex"),
    webhook_secret: null,
  };
  /** Answers queued per path, served before the real handler: a 502 from a proxy, say. */
  private readonly faults = new Map<string, number[]>();
  /** Paths whose requests are never answered (a hung server). */
  private readonly stalled = new Set<string>();
  /** Per organization: the owner installs the app on the nth installation lookup (counting down). */
  private readonly installAtLookup = new Map<string, number>();
  private readonly codes = new Map<string, { appId: number; issuedAt: number; used: boolean }>();
  private readonly pending = new Map<string, PendingCreation>();
  private nextAppId = 804_217;
  private nextInstallationId = 51_000_001;
  private server?: Server;
  url = "";

  get webUrl(): string {
    return this.url;
  }

  get apiUrl(): string {
    return `${this.url}/api/v3`;
  }

  async start(): Promise<void> {
    this.server = createServer((request, response) => {
      this.handle(request, response).catch((error) => this.json(response, 500, { message: String(error) }));
    });
    this.url = await listenOnLoopback(this.server);
  }

  async stop(): Promise<void> {
    await closeLoopback(this.server);
  }

  /** The next `times` requests to `path` are answered `status` (e.g. 502, as a proxy in front of GitHub would). */
  failNext(path: string, status: number, times = 1): void {
    this.faults.set(path, [...(this.faults.get(path) ?? []), ...Array<number>(times).fill(status)]);
  }

  /** Requests to `path` are read and never answered. */
  stall(path: string): void {
    this.stalled.add(path);
  }

  /**
   * The organization owner installs whichever app looks for its installation on `org`
   * on the `lookups`-th lookup (1 = the first): deterministic, unlike a timer.
   */
  installOnLookup(org: string, lookups: number): void {
    this.installAtLookup.set(org.toLowerCase(), lookups);
  }

  /** An app as "Create GitHub App" makes it, and the one-time code GitHub redirects back with. */
  createApp(org: string, manifest: Record<string, any>): { app: FakeApp; code: string } {
    const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
    const id = this.nextAppId++;
    const app: FakeApp = {
      id,
      slug: String(manifest.name)
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, "-"),
      name: manifest.name,
      owner: org,
      manifest,
      pem: privateKey.export({ type: "pkcs1", format: "pem" }).toString(),
      publicKey,
      permissions: { ...(manifest.default_permissions ?? {}) },
    };
    this.apps.set(id, app);
    const code = randomBytes(20).toString("hex");
    this.codes.set(code, { appId: id, issuedAt: Date.now(), used: false });
    return { app, code };
  }

  /** What an organization owner does on "Install App": grants the app's current permissions. */
  install(appId: number, org: string, permissions?: Record<string, string>): number {
    const app = this.apps.get(appId);
    if (!app) throw new Error(`no app ${appId}`);
    const id = this.nextInstallationId++;
    this.installations.set(org.toLowerCase(), { id, appId, permissions: { ...(permissions ?? app.permissions) } });
    return id;
  }

  private json(response: ServerResponse, status: number, body: unknown): void {
    response.writeHead(status, { "content-type": "application/json; charset=utf-8" });
    response.end(JSON.stringify(body));
  }

  private html(response: ServerResponse, status: number, body: string): void {
    response.writeHead(status, { "content-type": "text/html; charset=utf-8" });
    response.end(`<!doctype html><html><body>${body}</body></html>`);
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? "/", this.url);
    const record: FakeRequest = {
      method: request.method ?? "GET",
      path: url.pathname,
      authorization: request.headers.authorization,
    };
    this.requests.push(record);
    if (this.stalled.has(url.pathname)) return;
    const fault = this.faults.get(url.pathname)?.shift();
    if (fault !== undefined) return this.json(response, fault, { message: `fake fault ${fault}` });

    const newApp = /^\/organizations\/([^/]+)\/settings\/apps\/new$/.exec(url.pathname);
    if (request.method === "POST" && newApp)
      return this.manifestForm(newApp[1], url, await readBody(request), response);
    const confirm = /^\/organizations\/([^/]+)\/settings\/apps\/confirm$/.exec(url.pathname);
    if (request.method === "POST" && confirm) return this.confirmCreation(await readBody(request), response);

    const conversion = /^\/api\/v3\/app-manifests\/([^/]+)\/conversions$/.exec(url.pathname);
    if (request.method === "POST" && conversion) return this.convert(decodeURIComponent(conversion[1]), response);
    const orgInstallation = /^\/api\/v3\/orgs\/([^/]+)\/installation$/.exec(url.pathname);
    if (request.method === "GET" && orgInstallation) {
      const app = this.authenticateApp(request, response, record);
      if (!app) return;
      this.countLookup(decodeURIComponent(orgInstallation[1]), app.id);
      const installation = this.installations.get(decodeURIComponent(orgInstallation[1]).toLowerCase());
      if (!installation || installation.appId !== app.id) return this.json(response, 404, { message: "Not Found" });
      return this.json(response, 200, {
        id: installation.id,
        app_id: app.id,
        app_slug: app.slug,
        target_type: "Organization",
        account: { login: orgInstallation[1], type: "Organization" },
        permissions: installation.permissions,
        events: [],
        html_url: `${this.url}/organizations/${orgInstallation[1]}/settings/installations/${installation.id}`,
      });
    }
    // "Delete an installation for the authenticated app": DELETE /app/installations/{id}, as the app, 204.
    const appInstallation = /^\/api\/v3\/app\/installations\/(\d+)$/.exec(url.pathname);
    if (request.method === "DELETE" && appInstallation) {
      const app = this.authenticateApp(request, response, record);
      if (!app) return;
      const entry = [...this.installations].find(([, i]) => i.id === Number(appInstallation[1]) && i.appId === app.id);
      if (!entry) return this.json(response, 404, { message: "Not Found" });
      this.installations.delete(entry[0]);
      response.writeHead(204).end();
      return;
    }
    if (request.method === "GET" && url.pathname === "/api/v3/app") {
      const app = this.authenticateApp(request, response, record);
      if (!app) return;
      return this.json(response, 200, {
        id: app.id,
        slug: app.slug,
        name: app.name,
        owner: { login: app.owner },
        permissions: app.permissions,
        events: [],
      });
    }
    this.json(response, 404, { message: "Not Found" });
  }

  private countLookup(org: string, appId: number): void {
    const left = this.installAtLookup.get(org.toLowerCase());
    if (left === undefined) return;
    if (left > 1) return void this.installAtLookup.set(org.toLowerCase(), left - 1);
    this.installAtLookup.delete(org.toLowerCase());
    this.install(appId, org);
  }

  /** GitHub's "Create GitHub App from manifest" page: validates the manifest and asks the owner to confirm. */
  private manifestForm(org: string, url: URL, body: string, response: ServerResponse): void {
    const raw = new URLSearchParams(body).get("manifest");
    let manifest: Record<string, any>;
    try {
      manifest = JSON.parse(raw ?? "");
    } catch {
      return this.html(response, 422, `<h1 id="error">Invalid GitHub App manifest: not JSON</h1>`);
    }
    const problems = ["name", "url", "redirect_url"].filter(
      (field) => typeof manifest[field] !== "string" || !manifest[field],
    );
    if (typeof manifest.hook_attributes?.url !== "string") problems.push("hook_attributes.url");
    if (problems.length)
      return this.html(
        response,
        422,
        `<h1 id="error">Invalid GitHub App manifest: ${escapeHtml(problems.join(", "))}</h1>`,
      );
    const pendingId = randomBytes(8).toString("hex");
    this.pending.set(pendingId, { state: url.searchParams.get("state") ?? "", org, manifest });
    this.html(
      response,
      200,
      `<h1>Create GitHub App for ${escapeHtml(org)}</h1><p id="app-name">${escapeHtml(manifest.name)}</p>
<form method="post" action="/organizations/${escapeHtml(org)}/settings/apps/confirm">
<input type="hidden" name="pending" value="${pendingId}"><button id="create-app" type="submit">Create GitHub App for ${escapeHtml(org)}</button></form>`,
    );
  }

  private confirmCreation(body: string, response: ServerResponse): void {
    const pending = this.pending.get(new URLSearchParams(body).get("pending") ?? "");
    if (!pending) return this.html(response, 404, "<h1>Not found</h1>");
    const { manifest, org, state } = pending;
    const { code } = this.createApp(org, manifest);
    const redirect = new URL(manifest.redirect_url);
    redirect.searchParams.set("code", code);
    if (state) redirect.searchParams.set("state", state);
    this.redirects.push(redirect.toString());
    response.writeHead(302, { location: redirect.toString() });
    response.end();
  }

  /** POST /app-manifests/{code}/conversions: single use, one hour. */
  private convert(code: string, response: ServerResponse): void {
    const issued = this.codes.get(code);
    if (!issued || issued.used || Date.now() - issued.issuedAt > this.codeMaxAgeMs) {
      return this.json(response, 404, {
        message: "Not Found",
        documentation_url: "https://docs.github.com/rest/apps/apps#create-a-github-app-from-a-manifest",
      });
    }
    issued.used = true;
    const app = this.apps.get(issued.appId)!;
    this.json(response, 201, {
      id: app.id,
      slug: app.slug,
      node_id: `A_${app.id}`,
      owner: { login: app.owner, type: "Organization" },
      name: app.name,
      external_url: app.manifest.url,
      html_url: `${this.url}/apps/${app.slug}`,
      permissions: app.permissions,
      events: [],
      client_id: `Iv1.${randomBytes(8).toString("hex")}`,
      ...this.conversionSecrets,
      pem: app.pem,
    });
  }

  /** Checks `Authorization: Bearer <JWT>` as GitHub does: RS256, signed by the app's key, at most 10 minutes. */
  private authenticateApp(
    request: IncomingMessage,
    response: ServerResponse,
    record: FakeRequest,
  ): FakeApp | undefined {
    const fail = (message: string) => {
      this.json(response, 401, { message });
      return undefined;
    };
    const match = /^Bearer ([\w-]+)\.([\w-]+)\.([\w-]+)$/i.exec(request.headers.authorization ?? "");
    if (!match) return fail("A JSON web token could not be decoded");
    const [, headerPart, payloadPart, signature] = match;
    const header = JSON.parse(Buffer.from(headerPart, "base64url").toString("utf8"));
    const payload = JSON.parse(Buffer.from(payloadPart, "base64url").toString("utf8"));
    record.jwtIssuer = String(payload.iss);
    if (header.alg !== "RS256") return fail("'alg' must be RS256");
    const app = this.apps.get(Number(payload.iss));
    if (!app) return fail("Integration not found");
    const valid = createVerify("RSA-SHA256")
      .update(`${headerPart}.${payloadPart}`)
      .verify(app.publicKey, Buffer.from(signature, "base64url"));
    if (!valid) return fail("A JSON web token could not be decoded");
    const now = Math.floor(Date.now() / 1000);
    if (typeof payload.exp !== "number" || payload.exp <= now)
      return fail("'Expiration time' claim ('exp') is too far in the past");
    if (typeof payload.iat !== "number" || payload.exp - payload.iat > 600)
      return fail("'Expiration time' claim ('exp') is too far in the future");
    return app;
  }
}
