/**
 * A local fake of the three Google REST APIs the GCP verify reader calls, and of the OAuth
 * token endpoint a service-account key file names in `token_uri`. It listens on 127.0.0.1
 * only and serves exactly these calls, shaped after Google's discovery documents as kept in
 * googleapis/google-api-go-client:
 * - cloudresourcemanager/v3/cloudresourcemanager-api.json @ 8405858d8e4eae2230ba126f542de9bef923cb74
 * - serviceusage/v1/serviceusage-api.json @ 59d056c7c1f64bc6a1efbe84e619c2e131b15f67
 * - iam/v1/iam-api.json @ 7f2cf9d6ec65884391850645915bc3752fc61db2 (also projects.serviceAccounts.getIamPolicy:
 *   `POST v1/{+resource}:getIamPolicy`, query `options.requestedPolicyVersion`)
 * - cloudasset/v1/cloudasset-api.json @ 00b5d839e7390fcec5f5f57628a86e1a6be22833: searchAllIamPolicies,
 *   `GET v1/{+scope}:searchAllIamPolicies`, query `query`, `pageSize` (capped at 500), `pageToken`; the
 *   answer's IamPolicySearchResult `{ resource, assetType, project, organization, policy }` holds "only
 *   the bindings that match your query" (`policy:<member>` matches bindings that name the member)
 * and, for the token, Google's "Using OAuth 2.0 for Server to Server Applications"
 * (https://developers.google.com/identity/protocols/oauth2/service-account, JWT-bearer, RFC 7523).
 * Errors use Google's JSON error shape `{ error: { code, message, status } }`.
 */
import { createVerify, randomBytes, type KeyObject } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { readBody } from "../../providers/http/read-body";
import { closeLoopback, listenOnLoopback } from "./loopback";

export interface FakeBinding {
  role: string;
  members: string[];
  condition?: { expression: string; title: string };
}
export interface FakeKey {
  id: string;
  validAfterTime: string;
  disabled?: boolean;
  keyType?: "USER_MANAGED" | "SYSTEM_MANAGED";
  keyOrigin?: "GOOGLE_PROVIDED" | "USER_PROVIDED";
}
/** An IAM policy somewhere in the organization, as Cloud Asset indexes it. */
export interface FakeAssetPolicy {
  /** Full resource name, e.g. `//cloudresourcemanager.googleapis.com/projects/123`. */
  resource: string;
  assetType: string;
  bindings: FakeBinding[];
}

const STATUS_NAMES: Record<number, string> = {
  400: "INVALID_ARGUMENT",
  401: "UNAUTHENTICATED",
  403: "PERMISSION_DENIED",
  404: "NOT_FOUND",
  500: "INTERNAL",
  503: "UNAVAILABLE",
};

export class FakeGcp {
  /** Organization id → bindings of its IAM policy. */
  readonly orgPolicies = new Map<string, FakeBinding[]>();
  /** Project id → enabled service names. */
  readonly enabledServices = new Map<string, string[]>();
  /** Service account email → its keys. */
  readonly keys = new Map<string, FakeKey[]>();
  /** Organization id → the IAM policies Cloud Asset finds under it (the organization's own included). */
  readonly assetPolicies = new Map<string, FakeAssetPolicy[]>();
  /** Service account email → the bindings of its own IAM policy (who may act as it). */
  readonly serviceAccountPolicies = new Map<string, FakeBinding[]>();
  /** Results per searchAllIamPolicies page; tests lower it to page. */
  searchPageLimit = 500;
  /** Who may exchange a JWT for a token: client_email → public key. */
  readonly accounts = new Map<string, KeyObject>();
  readonly requests: { method: string; path: string; query: string; authorization?: string }[] = [];
  /** The most services one page holds; Service Usage allows up to 200, tests lower it to page. */
  servicesPageLimit = 200;
  private readonly tokens = new Set<string>();
  /** Paths whose requests are read and never answered (a hung server). */
  readonly stalled = new Set<string>();
  private readonly faults = new Map<string, { status: number; message: string }[]>();
  private server?: Server;
  url = "";

  get tokenUri(): string {
    return `${this.url}/token`;
  }

  async start(): Promise<void> {
    this.server = createServer((request, response) => {
      this.handle(request, response).catch((error) => this.error(response, 500, String(error)));
    });
    this.url = await listenOnLoopback(this.server);
  }

  async stop(): Promise<void> {
    await closeLoopback(this.server);
  }

  /** The next `times` requests to `path` are answered `status` with `message`. */
  failNext(path: string, status: number, message = `fake fault ${status}`, times = 1): void {
    this.faults.set(path, [...(this.faults.get(path) ?? []), ...Array(times).fill({ status, message })]);
  }

  private json(response: ServerResponse, status: number, body: unknown): void {
    response.writeHead(status, { "content-type": "application/json; charset=UTF-8" });
    response.end(JSON.stringify(body));
  }

  private error(response: ServerResponse, code: number, message: string): void {
    this.json(response, code, { error: { code, message, status: STATUS_NAMES[code] ?? "UNKNOWN" } });
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? "/", this.url);
    this.requests.push({
      method: request.method ?? "GET",
      path: url.pathname,
      query: url.search,
      authorization: request.headers.authorization,
    });
    if (this.stalled.has(url.pathname)) return;
    const fault = this.faults.get(url.pathname)?.shift();
    if (fault) return this.error(response, fault.status, fault.message);
    if (request.method === "POST" && url.pathname === "/token") return this.token(await readBody(request), response);
    if (!this.authorized(request)) {
      return this.error(
        response,
        401,
        "Request had invalid authentication credentials. Expected OAuth 2 access token.",
      );
    }
    // cloudresourcemanager.organizations.getIamPolicy: POST v3/{+resource}:getIamPolicy, body GetIamPolicyRequest.
    const policy = /^\/v3\/organizations\/([^/:]+):getIamPolicy$/.exec(url.pathname);
    if (request.method === "POST" && policy) {
      await readBody(request);
      const bindings = this.orgPolicies.get(decodeURIComponent(policy[1]));
      if (!bindings) return this.error(response, 403, "The caller does not have permission");
      return this.json(response, 200, { version: 3, etag: "BwYfake=", bindings });
    }
    // cloudasset.searchAllIamPolicies: GET v1/{+scope}:searchAllIamPolicies, query query, pageSize, pageToken.
    const search = /^\/v1\/organizations\/([^/:]+):searchAllIamPolicies$/.exec(url.pathname);
    if (request.method === "GET" && search) return this.searchPolicies(decodeURIComponent(search[1]), url, response);
    // iam.projects.serviceAccounts.getIamPolicy: POST v1/{+resource}:getIamPolicy.
    const saPolicy = /^\/v1\/projects\/([^/]+)\/serviceAccounts\/([^/:]+):getIamPolicy$/.exec(url.pathname);
    if (request.method === "POST" && saPolicy) {
      await readBody(request);
      const email = decodeURIComponent(saPolicy[2]);
      const bindings = this.serviceAccountPolicies.get(email);
      if (!bindings)
        return this.error(response, 404, `Service account projects/-/serviceAccounts/${email} does not exist.`);
      // An empty policy is answered with its etag only, as Google omits empty repeated fields.
      return this.json(response, 200, { version: 1, etag: "ACAB", ...(bindings.length ? { bindings } : {}) });
    }
    // serviceusage.services.list: GET v1/{+parent}/services, query filter, pageSize, pageToken.
    const services = /^\/v1\/projects\/([^/]+)\/services$/.exec(url.pathname);
    if (request.method === "GET" && services) return this.listServices(decodeURIComponent(services[1]), url, response);
    // iam.projects.serviceAccounts.keys.list: GET v1/{+name}/keys, query keyTypes (repeated enum).
    const keys = /^\/v1\/projects\/([^/]+)\/serviceAccounts\/([^/]+)\/keys$/.exec(url.pathname);
    if (request.method === "GET" && keys)
      return this.listKeys(decodeURIComponent(keys[1]), decodeURIComponent(keys[2]), url, response);
    this.error(response, 404, "Method not found.");
  }

  private listServices(project: string, url: URL, response: ServerResponse): void {
    const enabled = this.enabledServices.get(project);
    if (!enabled)
      return this.error(
        response,
        403,
        `Permission denied to list services for consumer container [projects/${project}]`,
      );
    if (url.searchParams.get("filter") !== "state:ENABLED")
      return this.error(response, 400, "the fake serves filter=state:ENABLED only");
    const size = Math.min(Number(url.searchParams.get("pageSize") ?? 50) || 50, this.servicesPageLimit);
    const start = Number(url.searchParams.get("pageToken") ?? 0);
    const page = enabled.slice(start, start + size).map((name) => ({
      name: `projects/123456789/services/${name}`,
      parent: "projects/123456789",
      config: { name, title: name },
      state: "ENABLED",
    }));
    const more = start + size < enabled.length;
    this.json(response, 200, { services: page, ...(more ? { nextPageToken: String(start + size) } : {}) });
  }

  private searchPolicies(org: string, url: URL, response: ServerResponse): void {
    const policies = this.assetPolicies.get(org);
    if (!policies) return this.error(response, 403, `The caller does not have permission on organizations/${org}`);
    const member = /^policy:(\S+)$/.exec(url.searchParams.get("query") ?? "")?.[1];
    if (!member) return this.error(response, 400, "the fake serves query=policy:<member> only");
    const matches = (m: string) => m.toLowerCase().endsWith(`:${member.toLowerCase()}`);
    const results = policies
      .map((p) => ({ ...p, bindings: p.bindings.filter((b) => b.members.some(matches)) }))
      .filter((p) => p.bindings.length > 0)
      .map((p) => ({
        resource: p.resource,
        assetType: p.assetType,
        organization: `organizations/${org}`,
        ...(p.resource.includes("/projects/") ? { project: "projects/123456789" } : {}),
        policy: { bindings: p.bindings },
      }));
    const size = Math.min(Number(url.searchParams.get("pageSize") ?? 100) || 100, this.searchPageLimit, 500);
    const start = Number(url.searchParams.get("pageToken") ?? 0);
    const more = start + size < results.length;
    const page = results.slice(start, start + size);
    // Empty repeated fields are left out of Google's answers: no match is `{}`.
    this.json(response, 200, {
      ...(page.length ? { results: page } : {}),
      ...(more ? { nextPageToken: String(start + size) } : {}),
    });
  }

  private listKeys(project: string, email: string, url: URL, response: ServerResponse): void {
    const keys = this.keys.get(email);
    if (!keys)
      return this.error(response, 404, `Service account projects/${project}/serviceAccounts/${email} does not exist.`);
    const types = url.searchParams.getAll("keyTypes");
    const listed = keys.filter((k) => types.length === 0 || types.includes(k.keyType ?? "USER_MANAGED"));
    // An empty list is answered `{}`, as Google omits empty repeated fields.
    if (listed.length === 0) return this.json(response, 200, {});
    this.json(response, 200, {
      keys: listed.map((k) => ({
        name: `projects/${project}/serviceAccounts/${email}/keys/${k.id}`,
        validAfterTime: k.validAfterTime,
        validBeforeTime: "9999-12-31T23:59:59Z",
        keyAlgorithm: "KEY_ALG_RSA_2048",
        keyOrigin: k.keyOrigin ?? "GOOGLE_PROVIDED",
        keyType: k.keyType ?? "USER_MANAGED",
        ...(k.disabled ? { disabled: true } : {}),
      })),
    });
  }

  private authorized(request: IncomingMessage): boolean {
    const match = /^Bearer (\S+)$/.exec(request.headers.authorization ?? "");
    return !!match && this.tokens.has(match[1]);
  }

  /** The token endpoint: an RS256 assertion signed by a known account, for this URI, at most one hour. */
  private token(body: string, response: ServerResponse): void {
    const form = new URLSearchParams(body);
    const deny = (description: string) =>
      this.json(response, 400, { error: "invalid_grant", error_description: description });
    if (form.get("grant_type") !== "urn:ietf:params:oauth:grant-type:jwt-bearer")
      return this.json(response, 400, { error: "unsupported_grant_type" });
    const parts = (form.get("assertion") ?? "").split(".");
    if (parts.length !== 3) return deny("Invalid JWT: not three parts");
    const [header, claims] = parts.slice(0, 2).map((p) => JSON.parse(Buffer.from(p, "base64url").toString("utf8")));
    const publicKey = this.accounts.get(String(claims.iss));
    if (header.alg !== "RS256" || !publicKey) return deny("Invalid JWT Signature.");
    const valid = createVerify("RSA-SHA256")
      .update(`${parts[0]}.${parts[1]}`)
      .verify(publicKey, Buffer.from(parts[2], "base64url"));
    if (!valid) return deny("Invalid JWT Signature.");
    if (claims.aud !== this.tokenUri) return deny("Invalid JWT: aud is not the token URI");
    if (typeof claims.scope !== "string" || !claims.scope) return deny("Invalid JWT: No scope");
    if (claims.exp - claims.iat > 3600 || claims.exp <= Date.now() / 1000)
      return deny("Invalid JWT: Token must be a short-lived token");
    const token = `ya29.fake-${randomBytes(24).toString("hex")}`;
    this.tokens.add(token);
    this.json(response, 200, { access_token: token, expires_in: 3599, token_type: "Bearer" });
  }
}
