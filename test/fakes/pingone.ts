/**
 * A local fake of the PingOne endpoints the verify reader calls, built from the PingOne
 * Platform API reference (https://developer.pingidentity.com/pingone-api/platform/, pages
 * named beside each endpoint) and, for the hosts and the token endpoint, the provider's
 * docs (pingidentity/terraform-provider-pingone, docs/index.md, commit
 * cef5208af78019b95a0146818839f63237659b4e). It listens on 127.0.0.1 only and serves the
 * auth server under `/auth` and the management API under `/api`.
 */
import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { readBody } from "../../providers/http/read-body";
import { closeLoopback, listenOnLoopback } from "./loopback";

export interface FakeApplication {
  id: string;
  name: string;
  enabled: boolean;
  type: "WORKER";
}
export interface FakeRoleAssignment {
  roleId: string;
  scopeType: "ENVIRONMENT" | "ORGANIZATION" | "POPULATION";
  scopeId: string;
}

/** Built-in role IDs as fixed strings; PingOne's are per organization, so only their names matter. */
export const FAKE_ROLE_IDS: Record<string, string> = {
  "Identity Data Read Only": "8a3ebb6a-0000-4000-8000-00000000d001",
  "Configuration Read Only": "8a3ebb6a-0000-4000-8000-00000000d002",
  "DaVinci Admin Read Only": "8a3ebb6a-0000-4000-8000-00000000d003",
  "Environment Admin": "8a3ebb6a-0000-4000-8000-00000000d004",
  "Organization Admin": "8a3ebb6a-0000-4000-8000-00000000d005",
};

export class FakePingOne {
  /** Applications per environment ID. */
  readonly applications = new Map<string, FakeApplication[]>();
  /** Role assignments per application ID. */
  readonly assignments = new Map<string, FakeRoleAssignment[]>();
  /** Custom admin roles per environment ID: role ID → name (any name, even a built-in one's). */
  readonly customRoles = new Map<string, Map<string, string>>();
  readonly requests: { method: string; path: string }[] = [];
  /** Applications per page, so the reader must follow `_links.next`. */
  pageSize = 2;
  /** Bytes of padding added to each applications page: a broken or hostile server's endless answer. */
  padApplicationsBytes = 0;
  private readonly faults = new Map<string, number[]>();
  private readonly tokens = new Set<string>();
  private server?: Server;
  url = "";

  constructor(readonly client: { id: string; secret: string; environmentId: string }) {}

  get apiUrl(): string {
    return `${this.url}/api`;
  }

  get authUrl(): string {
    return `${this.url}/auth`;
  }

  async start(): Promise<void> {
    this.server = createServer((request, response) => {
      this.handle(request, response).catch((error) =>
        this.json(response, 500, { code: "UNEXPECTED_ERROR", message: String(error) }),
      );
    });
    this.url = await listenOnLoopback(this.server);
  }

  async stop(): Promise<void> {
    await closeLoopback(this.server);
  }

  /** The next `times` requests whose path ends with `suffix` are answered `status`. */
  failNext(suffix: string, status: number, times = 1): void {
    this.faults.set(suffix, [...(this.faults.get(suffix) ?? []), ...Array<number>(times).fill(status)]);
  }

  /** A worker app as the stack creates it, with its role assignments. */
  addWorkerApp(environmentId: string, name: string, assignments: FakeRoleAssignment[]): FakeApplication {
    const app: FakeApplication = { id: randomBytes(16).toString("hex"), name, enabled: true, type: "WORKER" };
    this.applications.set(environmentId, [...(this.applications.get(environmentId) ?? []), app]);
    this.assignments.set(app.id, assignments);
    return app;
  }

  private json(response: ServerResponse, status: number, body: unknown): void {
    response.writeHead(status, { "content-type": "application/json" });
    response.end(JSON.stringify(body));
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? "/", this.url);
    this.requests.push({ method: request.method ?? "GET", path: url.pathname });
    for (const [suffix, statuses] of this.faults) {
      const status = url.pathname.endsWith(suffix) ? statuses.shift() : undefined;
      if (status !== undefined)
        return this.json(response, status, { code: "FAKE_FAULT", message: `fake fault ${status}` });
    }
    const token = /^\/auth\/([^/]+)\/as\/token$/.exec(url.pathname);
    if (request.method === "POST" && token) return this.token(decodeURIComponent(token[1]), request, response);
    if (!url.pathname.startsWith("/api/v1/"))
      return this.json(response, 404, { code: "NOT_FOUND", message: "no such path" });
    if (!this.tokens.has((request.headers.authorization ?? "").replace(/^Bearer /, ""))) {
      return this.json(response, 401, {
        code: "ACCESS_FAILED",
        message: "The request could not be completed. You do not have access to this resource.",
      });
    }
    return this.management(url, response);
  }

  /**
   * POST /{envID}/as/token, grant_type=client_credentials, client_secret_basic: "Token"
   * (https://developer.pingidentity.com/pingone-api/auth/authorization-openid-connect-oauth-2/token.html).
   */
  private async token(environmentId: string, request: IncomingMessage, response: ServerResponse): Promise<void> {
    const form = new URLSearchParams(await readBody(request));
    const basic = /^Basic (.+)$/.exec(request.headers.authorization ?? "")?.[1] ?? "";
    const [id, secret] = Buffer.from(basic, "base64").toString("utf8").split(":").map(decodeURIComponent);
    if (form.get("grant_type") !== "client_credentials")
      return this.json(response, 400, { error: "unsupported_grant_type" });
    const known = environmentId === this.client.environmentId && id === this.client.id && secret === this.client.secret;
    if (!known)
      return this.json(response, 401, {
        error: "invalid_client",
        error_description: "Request denied: Unsupported authentication method",
      });
    const accessToken = randomBytes(24).toString("base64url");
    this.tokens.add(accessToken);
    return this.json(response, 200, { access_token: accessToken, token_type: "Bearer", expires_in: 3600 });
  }

  private management(url: URL, response: ServerResponse): void {
    const path = url.pathname.slice("/api/v1".length);
    // GET /v1/environments/{envID}/applications: "Read Applications" (platform/applications/applications).
    const apps = /^\/environments\/([^/]+)\/applications$/.exec(path);
    if (apps) return this.applicationsPage(decodeURIComponent(apps[1]), url, response);
    // GET .../applications/{appID}/roleAssignments: "Read Application Role Assignments"
    // (platform/applications/application-role-assignments/read-application-role-assignments).
    const assigned = /^\/environments\/([^/]+)\/applications\/([^/]+)\/roleAssignments$/.exec(path);
    if (assigned)
      return this.roleAssignments(decodeURIComponent(assigned[1]), decodeURIComponent(assigned[2]), response);
    // GET /v1/environments/{envID}/roles/{roleID}: "Read One Custom Admin Role" (platform/roles/custom-roles).
    const custom = /^\/environments\/([^/]+)\/roles\/([^/]+)$/.exec(path);
    if (custom) {
      const [envId, id] = [decodeURIComponent(custom[1]), decodeURIComponent(custom[2])];
      const name = this.customRoles.get(envId)?.get(id);
      if (!name) return this.json(response, 404, { code: "NOT_FOUND", message: "Unable to find role" });
      return this.json(response, 200, {
        id,
        name,
        type: "CUSTOM",
        environment: { id: envId },
        applicableTo: ["ENVIRONMENT"],
      });
    }
    // GET /v1/roles/{roleID}: "Read One Built-in Admin Role" (platform/roles/predefined-roles/read-one-role);
    // it "does not return information for a custom role".
    const role = /^\/roles\/([^/]+)$/.exec(path);
    if (role) {
      const name = Object.keys(FAKE_ROLE_IDS).find((n) => FAKE_ROLE_IDS[n] === decodeURIComponent(role[1]));
      if (!name) return this.json(response, 404, { code: "NOT_FOUND", message: "Unable to find role" });
      return this.json(response, 200, { id: FAKE_ROLE_IDS[name], name, applicableTo: ["ENVIRONMENT"], _links: {} });
    }
    this.json(response, 404, { code: "NOT_FOUND", message: "The requested resource was not found." });
  }

  private applicationsPage(environmentId: string, url: URL, response: ServerResponse): void {
    const all = this.applications.get(environmentId) ?? [];
    const start = Number(url.searchParams.get("cursor") ?? 0);
    const page = all.slice(start, start + this.pageSize);
    const self = `${this.apiUrl}/v1/environments/${environmentId}/applications`;
    const next =
      start + this.pageSize < all.length ? { next: { href: `${self}?cursor=${start + this.pageSize}` } } : {};
    this.json(response, 200, {
      _links: { self: { href: self }, ...next },
      _embedded: {
        applications: page.map((app) => ({
          ...app,
          environment: { id: environmentId },
          protocol: "OPENID_CONNECT",
          grantTypes: ["CLIENT_CREDENTIALS"],
          tokenEndpointAuthMethod: "CLIENT_SECRET_BASIC",
        })),
      },
      count: page.length,
      size: page.length,
      ...(this.padApplicationsBytes ? { padding: "x".repeat(this.padApplicationsBytes) } : {}),
    });
  }

  private roleAssignments(environmentId: string, appId: string, response: ServerResponse): void {
    const list = this.assignments.get(appId);
    if (!list) return this.json(response, 404, { code: "NOT_FOUND", message: "Unable to find application" });
    this.json(response, 200, {
      _links: {
        self: { href: `${this.apiUrl}/v1/environments/${environmentId}/applications/${appId}/roleAssignments` },
      },
      _embedded: {
        roleAssignments: list.map((a, i) => ({
          id: `ra-${i}`,
          application: { id: appId },
          environment: { id: environmentId },
          readOnly: false,
          role: { id: a.roleId },
          scope: { id: a.scopeId, type: a.scopeType },
        })),
      },
      size: list.length,
    });
  }
}
