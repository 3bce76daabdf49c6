/**
 * A local fake of the Okta endpoints the verify reader calls, listening on 127.0.0.1 only.
 * Built from Okta's published OpenAPI description, okta/okta-management-openapi-spec at
 * commit fdda229e82940cf5af4611ad673ca6a27974e31b: `dist/current/management-minimal.yaml`
 * (paths and schemas named beside each handler) and `dist/current/oauth-minimal.yaml`
 * (`/oauth2/v1/token`, operationId `token`). Authentication as the spec's `security`
 * declares it: an API token (`Authorization: SSWS …`, scheme `apiToken`) or a bearer
 * token from the token endpoint after a `private_key_jwt` client assertion (`oauth2`).
 */
import { createPublicKey, createVerify, randomBytes, type KeyObject } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { readBody } from "../../providers/http/read-body";
import { closeLoopback, listenOnLoopback } from "./loopback";

export interface FakeOktaApp {
  id: string;
  clientId: string;
  label: string;
  /** OAuth2ScopeConsentGrant: `scopeId`, `issuer`, `status` (management-minimal.yaml). */
  grants: { scopeId: string; issuer: string; status: "ACTIVE" | "REVOKED" }[];
  /** Role assignments: a StandardRole `type`, or `CUSTOM` with the role's and resource set's IDs. */
  roles: ({ type: string } | { type: "CUSTOM"; role: string; resourceSet: string })[];
  /** The app's JSON Web Keys (OAuth2ClientJsonWebKeyResponseBase: `kid`, `status`, `created`). */
  keys: { kid: string; status: "ACTIVE" | "INACTIVE"; created: string }[];
  /** `credentials.oauthClient.token_endpoint_auth_method`. @default "private_key_jwt" */
  authMethod?: "private_key_jwt" | "client_secret_basic" | "client_secret_post" | "client_secret_jwt";
  /** OAuth2ClientSecret: `id`, `status`, `created` and `client_secret`, the secret in clear. */
  secrets?: { id: string; status: "ACTIVE" | "INACTIVE"; created: string; clientSecret: string }[];
}

/** A service app that may call the API with a client assertion, and the scopes it was granted. */
export interface FakeServiceClient {
  clientId: string;
  publicKey: KeyObject;
  scopes: string[];
}

export interface FakeOktaRequest {
  method: string;
  path: string;
  authorization?: string;
}

export class FakeOkta {
  readonly apps: FakeOktaApp[] = [];
  readonly customRoles = new Map<string, { label: string; permissions: string[] }>();
  readonly resourceSets = new Map<string, { label: string; resources: { orn: string; href?: string }[] }>();
  readonly serviceClients = new Map<string, FakeServiceClient>();
  readonly requests: FakeOktaRequest[] = [];
  /** The API token (SSWS) the fake accepts. */
  apiToken = randomBytes(21).toString("base64url");
  /** Entries per page of the paged lists, small enough for tests to cross a page. */
  pageSize = 200;
  private readonly bearerTokens = new Map<string, string[]>();
  private readonly faults = new Map<string, number[]>();
  private readonly stalled = new Set<string>();
  private readonly raw = new Map<string, { status: number; headers: Record<string, string>; body: string }>();
  private server?: Server;
  url = "";

  async start(): Promise<void> {
    this.server = createServer((request, response) => {
      this.handle(request, response).catch((error) => this.error(response, 500, "E0000009", String(error)));
    });
    this.url = await listenOnLoopback(this.server);
  }

  async stop(): Promise<void> {
    await closeLoopback(this.server);
  }

  /** The next `times` requests to `path` are answered `status`. */
  failNext(path: string, status: number, times = 1): void {
    this.faults.set(path, [...(this.faults.get(path) ?? []), ...Array<number>(times).fill(status)]);
  }

  /** Keeps an idle connection open this long (Node's default is 5 s; a real server may wait longer). */
  keepIdleConnectionsFor(ms: number): void {
    this.server!.keepAliveTimeout = ms;
  }

  /** The next request to `path` gets this raw answer instead (a hostile server: a redirect, a huge body). */
  answerNext(path: string, status: number, headers: Record<string, string>, body: string): void {
    this.raw.set(path, { status, headers, body });
  }

  /** Requests to `path` are read and never answered. */
  stall(path: string): void {
    this.stalled.add(path);
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? "/", this.url);
    this.requests.push({
      method: request.method ?? "",
      path: url.pathname,
      authorization: request.headers.authorization,
    });
    if (this.stalled.has(url.pathname)) return;
    const raw = this.raw.get(url.pathname);
    if (raw) {
      this.raw.delete(url.pathname);
      response.writeHead(raw.status, raw.headers);
      return void response.end(raw.body);
    }
    const fault = this.faults.get(url.pathname)?.shift();
    if (fault) return this.error(response, fault, fault === 401 ? "E0000011" : "E0000009", `Fault ${fault}`);
    if (request.method === "POST" && url.pathname === "/oauth2/v1/token") return this.token(request, response);
    if (request.method !== "GET")
      return this.error(response, 405, "E0000022", "The endpoint does not support the provided HTTP method");
    const scopes = this.caller(request);
    if (!scopes) return this.error(response, 401, "E0000011", "Invalid token provided");
    const route = this.route(url);
    if (!route) return this.error(response, 404, "E0000007", `Not found: Resource not found: ${url.pathname}`);
    // Each operation's `security` lists the one OAuth scope it needs besides an API token.
    if (scopes !== "all" && !scopes.includes(route.scope)) {
      return this.error(response, 403, "E0000006", "You do not have permission to perform the requested action");
    }
    route.answer(response);
  }

  /** `all` for the API token, the granted scopes for a bearer token, undefined when neither. */
  private caller(request: IncomingMessage): "all" | string[] | undefined {
    const authorization = request.headers.authorization ?? "";
    if (authorization === `SSWS ${this.apiToken}`) return "all";
    const bearer = /^Bearer (.+)$/.exec(authorization)?.[1];
    return bearer ? this.bearerTokens.get(bearer) : undefined;
  }

  private route(url: URL): { scope: string; answer: (response: ServerResponse) => void } | undefined {
    const path = url.pathname;
    // GET /api/v1/apps (listApplications, okta.apps.read): `q` matches name or label by prefix.
    if (path === "/api/v1/apps") return { scope: "okta.apps.read", answer: (r) => this.listApps(url, r) };
    // GET /api/v1/apps/{appId}/grants (listScopeConsentGrants, okta.appGrants.read).
    const grants = /^\/api\/v1\/apps\/([^/]+)\/grants$/.exec(path);
    if (grants)
      return { scope: "okta.appGrants.read", answer: (r) => this.appGrants(decodeURIComponent(grants[1]), r) };
    // GET /api/v1/apps/{appId}/credentials/jwks (listJwk, okta.apps.read): an array of keys.
    const jwks = /^\/api\/v1\/apps\/([^/]+)\/credentials\/jwks$/.exec(path);
    if (jwks) return { scope: "okta.apps.read", answer: (r) => this.appKeys(decodeURIComponent(jwks[1]), r) };
    // GET /api/v1/apps/{appId}/credentials/secrets (listOAuth2ClientSecrets, okta.apps.read): an array.
    const secrets = /^\/api\/v1\/apps\/([^/]+)\/credentials\/secrets$/.exec(path);
    if (secrets) return { scope: "okta.apps.read", answer: (r) => this.appSecrets(decodeURIComponent(secrets[1]), r) };
    // GET /oauth2/v1/clients/{clientId}/roles (listRolesForClient, okta.roles.read).
    const roles = /^\/oauth2\/v1\/clients\/([^/]+)\/roles$/.exec(path);
    if (roles) return { scope: "okta.roles.read", answer: (r) => this.clientRoles(decodeURIComponent(roles[1]), r) };
    // GET /api/v1/iam/roles/{roleIdOrLabel}/permissions (listRolePermissions, okta.roles.read).
    const permissions = /^\/api\/v1\/iam\/roles\/([^/]+)\/permissions$/.exec(path);
    if (permissions) {
      return { scope: "okta.roles.read", answer: (r) => this.rolePermissions(decodeURIComponent(permissions[1]), r) };
    }
    // GET /api/v1/iam/resource-sets/{resourceSetIdOrLabel}/resources (listResourceSetResources, okta.roles.read).
    const resources = /^\/api\/v1\/iam\/resource-sets\/([^/]+)\/resources$/.exec(path);
    if (resources) {
      return { scope: "okta.roles.read", answer: (r) => this.setResources(decodeURIComponent(resources[1]), url, r) };
    }
    return undefined;
  }

  /** Application objects as the spec's OpenIdConnectApplication: `credentials.oauthClient.client_id`. */
  private listApps(url: URL, response: ServerResponse): void {
    const q = url.searchParams.get("q") ?? "";
    const matching = this.apps.filter((app) => app.label.startsWith(q));
    const start = Number(url.searchParams.get("after") ?? 0);
    const page = matching.slice(start, start + this.pageSize).map((app) => ({
      id: app.id,
      name: "oidc_client",
      label: app.label,
      status: "ACTIVE",
      signOnMode: "OPENID_CONNECT",
      credentials: {
        oauthClient: { client_id: app.clientId, token_endpoint_auth_method: app.authMethod ?? "private_key_jwt" },
      },
      settings: { oauthClient: { application_type: "service" } },
    }));
    const headers: Record<string, string> = {};
    if (start + this.pageSize < matching.length) {
      // Pagination: "the header contains a `next` link" (listApplications' description).
      const next = new URL(url);
      next.searchParams.set("after", String(start + this.pageSize));
      headers.link = `<${next.toString()}>; rel="next"`;
    }
    this.json(response, 200, page, headers);
  }

  private appGrants(appId: string, response: ServerResponse): void {
    const app = this.apps.find((a) => a.id === appId);
    if (!app) return this.error(response, 404, "E0000007", `Not found: Resource not found: ${appId} (AppInstance)`);
    const body = app.grants.map((g, i) => ({ id: `oag${i}${appId}`, clientId: app.clientId, source: "ADMIN", ...g }));
    this.json(response, 200, body);
  }

  private appKeys(appId: string, response: ServerResponse): void {
    const app = this.apps.find((a) => a.id === appId);
    if (!app) return this.error(response, 404, "E0000007", `Not found: Resource not found: ${appId} (AppInstance)`);
    const body = app.keys.map((k, i) => ({
      id: `pks${i}${appId}`,
      kty: "RSA",
      use: "sig",
      e: "AQAB",
      n: "AQAB",
      ...k,
    }));
    this.json(response, 200, body);
  }

  private appSecrets(appId: string, response: ServerResponse): void {
    const app = this.apps.find((a) => a.id === appId);
    if (!app) return this.error(response, 404, "E0000007", `Not found: Resource not found: ${appId} (AppInstance)`);
    const body = (app.secrets ?? []).map((secret) => ({
      id: secret.id,
      status: secret.status,
      client_secret: secret.clientSecret,
      secret_hash: "yk4SVx4sUWVJVbHt6M-UPA",
      created: secret.created,
      lastUpdated: secret.created,
      _links: {
        activate: { href: `${this.url}/api/v1/apps/${appId}/credentials/secrets/${secret.id}/lifecycle/activate` },
      },
    }));
    this.json(response, 200, body);
  }

  /** StandardRole and CustomRole as the spec's examples StandardRolesListResponseClient and CustomRoles…Client. */
  private clientRoles(clientId: string, response: ServerResponse): void {
    const app = this.apps.find((a) => a.clientId === clientId);
    if (!app) return this.error(response, 404, "E0000007", `Not found: Resource not found: ${clientId} (Client)`);
    const body = app.roles.map((role, i) => {
      const common = { id: `irb${i}${clientId}`, status: "ACTIVE", assignmentType: "CLIENT" };
      if (!("role" in role)) return { ...common, type: role.type, label: role.type };
      const label = this.customRoles.get(role.role)?.label ?? role.role;
      return { ...common, type: "CUSTOM", label, role: role.role, "resource-set": role.resourceSet };
    });
    this.json(response, 200, body);
  }

  /** Permissions: `{ permissions: [{ label }] }`. */
  private rolePermissions(roleId: string, response: ServerResponse): void {
    const role = this.customRoles.get(roleId);
    if (!role) return this.error(response, 404, "E0000007", `Not found: Resource not found: ${roleId} (Role)`);
    this.json(response, 200, { permissions: role.permissions.map((label) => ({ label })) });
  }

  /** ResourceSetResources: `{ resources: [{ id, orn, _links.self.href }], _links: { next } }` (LinksNext). */
  private setResources(setId: string, url: URL, response: ServerResponse): void {
    const set = this.resourceSets.get(setId);
    if (!set) return this.error(response, 404, "E0000007", `Not found: Resource not found: ${setId} (ResourceSet)`);
    const start = Number(url.searchParams.get("after") ?? 0);
    const resources = set.resources.slice(start, start + this.pageSize).map((r, i) => ({
      id: `ire${start + i}`,
      orn: r.orn,
      ...(r.href ? { _links: { self: { href: r.href } } } : {}),
    }));
    const more = start + this.pageSize < set.resources.length;
    const next = `${this.url}${url.pathname}?after=${start + this.pageSize}`;
    this.json(response, 200, { resources, _links: more ? { next: { href: next } } : {} });
  }

  /** POST /oauth2/v1/token, client_credentials with a `private_key_jwt` assertion (oauth-minimal.yaml). */
  private async token(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const form = new URLSearchParams(await readBody(request));
    const assertion = form.get("client_assertion") ?? "";
    const [header, payload, signature] = assertion.split(".");
    const claims = payload ? JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) : {};
    const client = this.serviceClients.get(String(claims.sub));
    const verifier = createVerify("RSA-SHA256").update(`${header}.${payload}`);
    const valid =
      client &&
      claims.iss === client.clientId &&
      claims.aud === `${this.url}/oauth2/v1/token` &&
      signature &&
      verifier.verify(client.publicKey, Buffer.from(signature, "base64url"));
    if (form.get("grant_type") !== "client_credentials" || !valid) {
      return this.json(response, 401, {
        error: "invalid_client",
        error_description: "The client_assertion is invalid.",
      });
    }
    const requested = (form.get("scope") ?? "").split(" ").filter(Boolean);
    if (requested.some((s) => !client.scopes.includes(s))) {
      return this.json(response, 400, { error: "invalid_scope", error_description: "The requested scope is invalid." });
    }
    const token = randomBytes(24).toString("base64url");
    this.bearerTokens.set(token, requested);
    this.json(response, 200, {
      token_type: "Bearer",
      expires_in: 3600,
      access_token: token,
      scope: requested.join(" "),
    });
  }

  /** A service client whose assertions the token endpoint accepts, from its public key in PEM. */
  addServiceClient(clientId: string, publicKeyPem: string, scopes: string[]): void {
    this.serviceClients.set(clientId, { clientId, publicKey: createPublicKey(publicKeyPem), scopes });
  }

  /** Okta's error object: errorCode, errorSummary, errorLink, errorId, errorCauses. */
  private error(response: ServerResponse, status: number, errorCode: string, errorSummary: string): void {
    this.json(response, status, { errorCode, errorSummary, errorLink: errorCode, errorId: "oaeFAKE", errorCauses: [] });
  }

  private json(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
    response.writeHead(status, { "content-type": "application/json", ...headers });
    response.end(JSON.stringify(body));
  }
}
