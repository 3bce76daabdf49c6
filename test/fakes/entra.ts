/**
 * A local fake of the Microsoft identity platform token endpoint and the Microsoft Graph
 * v1.0 endpoints the Entra verify reader calls, over HTTPS on 127.0.0.1 only (both
 * `@azure/identity`'s MSAL and the Graph client's auth middleware refuse plain HTTP).
 * Built from Microsoft's published API reference, microsoftgraph/microsoft-graph-docs-contrib:
 * - api-reference/v1.0/api/serviceprincipal-list-approleassignments.md (commit
 *   a6c84a4922966c7997a69995206458352829d584): `GET /servicePrincipals/{id}/appRoleAssignments`,
 *   answer `{ value: [{ id, appRoleId, principalId, principalType, resourceId, … }] }`;
 * - api-reference/v1.0/api/application-get.md (commit 58328433460bb4ed1975a6f858d30548c9557a39):
 *   the application with `requiredResourceAccess` and `passwordCredentials`; the current page
 *   adds the alternate key `GET /applications(appId='{appId}')`, as does
 *   serviceprincipal-get.md for `/servicePrincipals(appId='{appId}')`;
 * - serviceprincipal-list.md: `GET /servicePrincipals?$filter=displayName eq '…'`, and
 *   serviceprincipal-get.md: `GET /servicePrincipals/{id}` with `appRoles[{ id, value }]`.
 * Azure Resource Manager, Azure/azure-rest-api-specs specification/authorization/resource-manager/
 * Microsoft.Authorization/stable/2022-04-01 (commit 65ee5e20b40a1cdce2af21ef7605ee4de10dd78f):
 * authorization-RoleAssignmentsCalls.json `GET /{scope}/providers/Microsoft.Authorization/roleAssignments`
 * (`$filter=principalId eq '{id}'`, RoleAssignment `properties.{roleDefinitionId,principalId,scope}`) and
 * authorization-RoleDefinitionsCalls.json `GET /{roleId}` (RoleDefinition `properties.roleName`).
 * Token and discovery: "Microsoft identity platform and the OAuth 2.0 client credentials flow"
 * (learn.microsoft.com/entra/identity-platform/v2-oauth2-client-creds-grant-flow,
 * `POST /{tenant}/oauth2/v2.0/token`, error `invalid_client` with an AADSTS description) and the
 * OpenID Connect metadata document `/{tenant}/v2.0/.well-known/openid-configuration` MSAL reads first.
 * Errors use Graph's error body `{ error: { code, message } }`.
 * What can make the connector's identity more powerful is served as Microsoft Graph v1.0's
 * metadata defines it (microsoftgraph/msgraph-metadata, schemas/v1.0-Prod.csdl, commit
 * f54f11b60956ea7b185ca0447b2b80805836ec7b): `roleManagement/directory/roleAssignments` (an
 * rbacApplication's unifiedRoleAssignment, with its `roleDefinition` navigation expanded:
 * displayName, templateId, isBuiltIn), the `owners` of application and servicePrincipal
 * (directoryObject with `@odata.type`), `keyCredentials` and `passwordCredentials` (keyCredential,
 * passwordCredential) of both, the application's `federatedIdentityCredentials` (name, issuer,
 * subject, audiences) and the servicePrincipal's `oauth2PermissionGrants` (oAuth2PermissionGrant:
 * clientId, consentType, principalId, resourceId, scope). The filters are those of the pages in
 * microsoft-graph-docs-contrib api-reference/v1.0/api: rbacapplication-list-roleassignments.md
 * ("$filter=principalId eq '…'", commit 04f6cea9f8d406a9a00ebf566570113545c03c13).
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:https";
import type { IncomingMessage, ServerResponse } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readBody } from "../../providers/http/read-body";
import { closeLoopback, listenOnLoopback } from "./loopback";

export interface FakeAppRole {
  id: string;
  value: string;
}
export interface FakeKeyCredential {
  keyId: string;
  displayName: string;
  type: "AsymmetricX509Cert";
  usage: "Verify";
  endDateTime: string;
}
export interface FakePasswordCredential {
  keyId: string;
  displayName: string;
  startDateTime: string;
  endDateTime: string;
  /** Graph answers `hint`, the secret's first characters, never the secret after creation. */
  hint?: string;
}
export interface FakeServicePrincipal {
  id: string;
  appId: string;
  displayName: string;
  appRoles: FakeAppRole[];
  keyCredentials?: FakeKeyCredential[];
  passwordCredentials?: FakePasswordCredential[];
}
/** A directory role assigned to a principal (unifiedRoleAssignment with its unifiedRoleDefinition). */
export interface FakeDirectoryRole {
  principalId: string;
  displayName: string;
  templateId: string;
  isBuiltIn: boolean;
  directoryScopeId?: string;
}
export interface FakeOwner {
  id: string;
  type: "user" | "servicePrincipal" | "group";
  displayName: string;
}
export interface FakeFederatedCredential {
  name: string;
  issuer: string;
  subject: string;
}
export interface FakeDelegatedGrant {
  resourceId: string;
  consentType: "AllPrincipals" | "Principal";
  principalId?: string;
  scope: string;
}
export interface FakeAssignment {
  resourceId: string;
  appRoleId: string;
}
/** An Azure RBAC role assignment: the role by name, at an ARM scope. */
export interface FakeRbacAssignment {
  principalId: string;
  roleName: string;
  scope: string;
}
export interface FakeApplication {
  id: string;
  appId: string;
  requiredResourceAccess: { resourceAppId: string; resourceAccess: { id: string; type: "Role" | "Scope" }[] }[];
  passwordCredentials: FakePasswordCredential[];
  keyCredentials?: FakeKeyCredential[];
}

/** A self-signed certificate for 127.0.0.1, made with openssl; the CLI trusts it through NODE_EXTRA_CA_CERTS. */
export function selfSignedCertificate(): { key: string; cert: string; certFile: string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), "fake-entra-tls-"));
  const keyFile = join(dir, "key.pem");
  const certFile = join(dir, "cert.pem");
  execFileSync(
    "openssl",
    [
      "req",
      "-x509",
      "-newkey",
      "rsa:2048",
      "-nodes",
      "-days",
      "1",
      "-subj",
      "/CN=127.0.0.1",
      "-addext",
      "subjectAltName=IP:127.0.0.1",
      "-keyout",
      keyFile,
      "-out",
      certFile,
    ],
    { stdio: "ignore" },
  );
  return {
    key: readFileSync(keyFile, "utf8"),
    cert: readFileSync(certFile, "utf8"),
    certFile,
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export class FakeEntra {
  readonly servicePrincipals: FakeServicePrincipal[] = [];
  readonly assignments = new Map<string, FakeAssignment[]>();
  readonly applications: FakeApplication[] = [];
  readonly rbac: FakeRbacAssignment[] = [];
  readonly directoryRoles: FakeDirectoryRole[] = [];
  /** Object ID (application or service principal) → its owners. */
  readonly owners = new Map<string, FakeOwner[]>();
  /** Application object ID → its federated identity credentials. */
  readonly federatedCredentials = new Map<string, FakeFederatedCredential[]>();
  /** Client service principal ID → its delegated permission grants. */
  readonly delegatedGrants = new Map<string, FakeDelegatedGrant[]>();
  /** Items per page of a collection; Graph pages with `@odata.nextLink` carrying a `$skiptoken`. */
  pageSize = 100;
  /** The client secret the token endpoint accepts; anything else is `invalid_client`. */
  clientSecret = "";
  /** Status every Graph call answers with instead of its data (401, 500…), when set. */
  graphFault?: number;
  readonly requests: string[] = [];
  private readonly tokens = new Set<string>();
  private server?: Server;
  url = "";

  constructor(private readonly tls: { key: string; cert: string }) {}

  async start(): Promise<void> {
    this.server = createServer(this.tls, (request, response) => {
      this.handle(request, response).catch((error) => this.json(response, 500, graphError("fake", String(error))));
    });
    this.url = await listenOnLoopback(this.server, "https");
  }

  async stop(): Promise<void> {
    await closeLoopback(this.server);
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? "/", this.url);
    this.requests.push(`${request.method} ${url.pathname}${url.search}`);
    const tenantPath = url.pathname.match(
      /^\/([^/]+)\/(v2\.0\/\.well-known\/openid-configuration|oauth2\/v2\.0\/token)$/,
    );
    if (tenantPath) return this.identity(tenantPath[1]!, tenantPath[2]!, request, response);
    const arm = url.pathname.startsWith("/providers/");
    if (!url.pathname.startsWith("/v1.0/") && !arm)
      return this.json(response, 404, graphError("NotFound", "no such path"));
    const token = (request.headers.authorization ?? "").replace(/^Bearer /, "");
    if (!this.tokens.has(token)) {
      return this.json(response, 401, graphError("InvalidAuthenticationToken", "Access token is empty or invalid."));
    }
    if (this.graphFault) return this.json(response, this.graphFault, graphError("Fault", `status ${this.graphFault}`));
    return arm ? this.arm(url, response) : this.graph(url, response);
  }

  /** Role assignments of one principal under a management group, and role definitions by ID. */
  private arm(url: URL, response: ServerResponse) {
    const definition = url.pathname.match(/^\/providers\/Microsoft\.Authorization\/roleDefinitions\/(.+)$/);
    if (definition) {
      const roleName = decodeURIComponent(definition[1]!);
      return this.json(response, 200, {
        id: url.pathname,
        name: roleName,
        properties: { roleName, type: "BuiltInRole" },
      });
    }
    const assignments = "/providers/Microsoft.Authorization/roleAssignments";
    const list =
      url.pathname.endsWith(assignments) &&
      /^\/providers\/Microsoft\.Management\/managementGroups\/[^/]+$/.test(url.pathname.slice(0, -assignments.length));
    const principal = url.searchParams.get("$filter")?.match(/^principalId eq '([^']+)'$/)?.[1];
    if (!list || !principal || url.searchParams.get("api-version") !== "2022-04-01") {
      return this.json(response, 400, graphError("BadRequest", `unsupported ${url.pathname}${url.search}`));
    }
    const value = this.rbac
      .filter((a) => a.principalId === principal)
      .map((a, i) => ({
        id: `${a.scope}/providers/Microsoft.Authorization/roleAssignments/ra-${i}`,
        name: `ra-${i}`,
        type: "Microsoft.Authorization/roleAssignments",
        properties: {
          // Role definitions are named by role here, so the fake needs no table of GUIDs.
          roleDefinitionId: `/providers/Microsoft.Authorization/roleDefinitions/${encodeURIComponent(a.roleName)}`,
          principalId: a.principalId,
          principalType: "ServicePrincipal",
          scope: a.scope,
        },
      }));
    return this.json(response, 200, { value });
  }

  /** OpenID metadata and the client-credentials token endpoint (v2.0). */
  private async identity(tenant: string, path: string, request: IncomingMessage, response: ServerResponse) {
    const base = `${this.url}/${tenant}`;
    if (path.startsWith("v2.0")) {
      return this.json(response, 200, {
        token_endpoint: `${base}/oauth2/v2.0/token`,
        authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
        end_session_endpoint: `${base}/oauth2/v2.0/logout`,
        jwks_uri: `${base}/discovery/v2.0/keys`,
        issuer: `${this.url}/${tenant}/v2.0`,
        response_types_supported: ["code", "id_token", "code id_token", "id_token token"],
      });
    }
    const form = new URLSearchParams(await readBody(request));
    if (form.get("grant_type") !== "client_credentials" || form.get("client_secret") !== this.clientSecret) {
      return this.json(response, 401, {
        error: "invalid_client",
        error_description: "AADSTS7000215: Invalid client secret provided.",
      });
    }
    const token = `fake-token-${this.tokens.size + 1}`;
    this.tokens.add(token);
    return this.json(response, 200, {
      token_type: "Bearer",
      expires_in: 3599,
      ext_expires_in: 3599,
      access_token: token,
    });
  }

  private graph(url: URL, response: ServerResponse) {
    const path = decodeURIComponent(url.pathname.slice("/v1.0".length));
    // GET /servicePrincipals?$filter=displayName eq '{name}' (OData string literal, '' escapes ').
    if (path === "/servicePrincipals") {
      const filter = url.searchParams.get("$filter") ?? "";
      const name = filter.match(/^displayName eq '((?:[^']|'')*)'$/)?.[1]?.replace(/''/g, "'");
      if (name === undefined) return this.json(response, 400, graphError("BadRequest", `unsupported filter ${filter}`));
      return this.json(response, 200, { value: this.servicePrincipals.filter((sp) => sp.displayName === name) });
    }
    // GET /roleManagement/directory/roleAssignments?$filter=principalId eq '{id}'&$expand=roleDefinition
    if (path === "/roleManagement/directory/roleAssignments") {
      const principal = url.searchParams.get("$filter")?.match(/^principalId eq '([^']+)'$/)?.[1];
      if (!principal || url.searchParams.get("$expand") !== "roleDefinition") {
        return this.json(response, 400, graphError("BadRequest", `unsupported query ${url.search}`));
      }
      const value = this.directoryRoles
        .filter((r) => r.principalId === principal)
        .map((r, i) => ({
          id: `ra-${i}`,
          principalId: r.principalId,
          directoryScopeId: r.directoryScopeId ?? "/",
          roleDefinitionId: r.templateId,
          roleDefinition: {
            id: r.templateId,
            displayName: r.displayName,
            templateId: r.templateId,
            isBuiltIn: r.isBuiltIn,
            isEnabled: true,
          },
        }));
      return this.json(response, 200, this.page(url, value));
    }
    // GET /applications/{id}/owners and /servicePrincipals/{id}/owners: directoryObjects.
    const owners = path.match(/^\/(applications|servicePrincipals)\/([^/(]+)\/owners$/);
    if (owners) {
      const value = (this.owners.get(owners[2]!) ?? []).map((o) => ({
        "@odata.type": `#microsoft.graph.${o.type}`,
        id: o.id,
        displayName: o.displayName,
      }));
      return this.json(response, 200, this.page(url, value));
    }
    // GET /applications/{id}/federatedIdentityCredentials
    const federated = path.match(/^\/applications\/([^/(]+)\/federatedIdentityCredentials$/);
    if (federated) {
      if (!this.applications.some((a) => a.id === federated[1])) {
        return this.json(response, 404, graphError("Request_ResourceNotFound", "no such object"));
      }
      const value = (this.federatedCredentials.get(federated[1]!) ?? []).map((c, i) => ({
        id: `fic-${i}`,
        audiences: ["api://AzureADTokenExchange"],
        ...c,
      }));
      return this.json(response, 200, this.page(url, value));
    }
    // GET /servicePrincipals/{id}/oauth2PermissionGrants
    const delegated = path.match(/^\/servicePrincipals\/([^/]+)\/oauth2PermissionGrants$/);
    if (delegated) {
      const value = (this.delegatedGrants.get(delegated[1]!) ?? []).map((g, i) => ({
        id: `grant-${i}`,
        clientId: delegated[1],
        principalId: g.principalId ?? null,
        ...g,
      }));
      return this.json(response, 200, this.page(url, value));
    }
    // GET /servicePrincipals/{id}/appRoleAssignments
    const assignments = path.match(/^\/servicePrincipals\/([^/]+)\/appRoleAssignments$/);
    if (assignments) {
      const principal = this.servicePrincipals.find((sp) => sp.id === assignments[1]);
      if (!principal) return this.json(response, 404, graphError("Request_ResourceNotFound", "no such object"));
      const value = (this.assignments.get(principal.id) ?? []).map((a, i) => ({
        id: `assignment-${i}`,
        principalId: principal.id,
        principalType: "ServicePrincipal",
        ...a,
      }));
      return this.json(response, 200, this.page(url, value));
    }
    // GET /servicePrincipals/{id}
    const single = path.match(/^\/servicePrincipals\/([^/]+)$/);
    if (single) {
      const principal = this.servicePrincipals.find((sp) => sp.id === single[1]);
      if (!principal) return this.json(response, 404, graphError("Request_ResourceNotFound", "no such object"));
      return this.json(response, 200, { keyCredentials: [], passwordCredentials: [], ...principal });
    }
    // GET /servicePrincipals(appId='{appId}') and /applications(appId='{appId}'): alternate keys.
    const byAppId = path.match(/^\/(servicePrincipals|applications)\(appId='([^']+)'\)$/);
    if (byAppId) {
      const list = byAppId[1] === "applications" ? this.applications : this.servicePrincipals;
      const found = (list as { appId: string }[]).find((item) => item.appId === byAppId[2]);
      if (!found) return this.json(response, 404, graphError("Request_ResourceNotFound", "no such object"));
      return this.json(response, 200, { keyCredentials: [], passwordCredentials: [], ...found });
    }
    return this.json(response, 404, graphError("BadRequest", `unsupported path ${path}`));
  }

  /** One page of a collection, with `@odata.nextLink` to the next while there is more. */
  private page(url: URL, items: unknown[]) {
    const start = Number(url.searchParams.get("$skiptoken") ?? 0);
    const value = items.slice(start, start + this.pageSize);
    if (start + this.pageSize >= items.length) return { value };
    const next = new URL(url);
    next.searchParams.set("$skiptoken", String(start + this.pageSize));
    return { value, "@odata.nextLink": next.toString() };
  }

  private json(response: ServerResponse, status: number, body: unknown): void {
    response.writeHead(status, { "content-type": "application/json" });
    response.end(JSON.stringify(body));
  }
}

function graphError(code: string, message: string) {
  return { error: { code, message } };
}
