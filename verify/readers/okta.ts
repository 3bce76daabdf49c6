import type { Client } from "@okta/okta-sdk-nodejs";
import type { OktaConnectorConfig } from "../../connectors/okta/config";
import { printable } from "../../providers/text/printable";
import type { ExtractedGrant } from "../../plan/extracted-grant";
import { UnreadableSourceError, type Fact, type SourceReader } from "../reading";
import { allItems, oktaOrgUrl, oktaRead } from "./okta-read";
import { clientCredentialDrift, readClientSecrets } from "./okta-credentials";
import { keyAgeDrift, readAppKeys } from "./okta-keys";
import { adminRoleGrant, permissionGrants, resourceGrants, scopeGrants, type SetResource } from "./okta-grants";

/** Picks the connector's app when several share its label (or to pin it): its OAuth client ID. */
export const OKTA_CLIENT_ID_ENV = "INSIGHTS_OKTA_CLIENT_ID";

interface FoundApp {
  readonly id: string;
  readonly clientId: string;
  readonly label: string;
  /** `credentials.oauthClient.token_endpoint_auth_method` (OpenIdConnectApplication). */
  readonly authMethod?: string;
}

/** The connector's API services app: by label (`q` matches labels by prefix), then exact label or client ID. */
async function findApp(client: Client, connector: OktaConnectorConfig, env: NodeJS.ProcessEnv): Promise<FoundApp> {
  const what = `GET /api/v1/apps?q=${connector.appLabel}`;
  const apps = await allItems(what, () => client.applicationApi.listApplications({ q: connector.appLabel }));
  const found = apps.map((app: any) => ({
    id: String(app.id),
    clientId: String(app.credentials?.oauthClient?.client_id ?? app.id),
    label: String(app.label ?? ""),
    authMethod: app.credentials?.oauthClient?.token_endpoint_auth_method ?? undefined,
  }));
  const pinned = env[OKTA_CLIENT_ID_ENV]?.trim();
  const matches = pinned
    ? found.filter((a) => a.clientId === pinned)
    : found.filter((a) => a.label === connector.appLabel);
  if (matches.length === 1) return matches[0];
  const wanted = pinned
    ? `client ID ${pinned} among the apps labelled "${connector.appLabel}"`
    : `"${connector.appLabel}"`;
  if (matches.length === 0) throw new UnreadableSourceError(what, `no app ${wanted}`);
  throw new UnreadableSourceError(
    what,
    `${matches.length} apps are labelled ${wanted}; set ${OKTA_CLIENT_ID_ENV} to its client ID`,
  );
}

/** Every page of a resource set's resources: the answer links the next page (`_links.next`, `after=`). */
async function setResources(client: Client, resourceSetId: string, what: string): Promise<SetResource[]> {
  const resources: SetResource[] = [];
  let after: string | undefined;
  for (let page = 0; page < 100; page += 1) {
    const answer: any = await oktaRead(what, () =>
      client.resourceSetApi.listResourceSetResources({ resourceSetId, after }),
    );
    for (const r of answer?.resources ?? []) resources.push({ orn: r.orn, href: r._links?.self?.href });
    const next = answer?._links?.next?.href;
    after = next ? (new URL(next, "http://next.invalid").searchParams.get("after") ?? undefined) : undefined;
    if (!after) return resources;
  }
  throw new UnreadableSourceError(what, "more than 100 pages; stopped");
}

/** One role assignment of the app: a standard role, or the custom role's permissions and resource set. */
async function assignmentGrants(
  client: Client,
  connector: OktaConnectorConfig,
  assignment: { role: any; where: string },
  facts: Fact[],
): Promise<ExtractedGrant[]> {
  const { role, where } = assignment;
  if (role.type !== "CUSTOM") return [adminRoleGrant(connector, String(role.type), where)];
  const roleId = String(role.role ?? "");
  const resourceSetId = String(role["resource-set"] ?? role.resourceSet ?? role.resource_set ?? "");
  if (!roleId || !resourceSetId)
    throw new UnreadableSourceError(where, "a CUSTOM assignment without role or resource set");
  const permissionsAt = `GET /api/v1/iam/roles/${printable(roleId)}/permissions`;
  const answer: any = await oktaRead(permissionsAt, () =>
    client.customRoleApi.listRolePermissions({ roleIdOrLabel: roleId }),
  );
  const labels = (answer?.permissions ?? []).map((p: any) => String(p.label));
  const resourcesAt = `GET /api/v1/iam/resource-sets/${printable(resourceSetId)}/resources`;
  const resources = await setResources(client, resourceSetId, resourcesAt);
  facts.push({
    label: "custom role",
    value: printable(`${role.label ?? roleId} (${roleId}), resource set ${resourceSetId}`),
  });
  return [...permissionGrants(connector, labels, permissionsAt), ...resourceGrants(connector, resources, resourcesAt)];
}

/**
 * Okta: the API services app found by its label, its granted API scopes, its admin role
 * assignments (every one, custom roles with their permissions and resource sets), its client
 * authentication, signing keys and client secrets. Read-only calls through Okta's SDK; the
 * docs/verify.md lists the scopes the reader needs.
 */
export const oktaReader: SourceReader<OktaConnectorConfig> = {
  kind: "okta",
  async read(connector, context) {
    // The SDK loads only when an Okta connector is read, not on every verify.
    const { oktaReadClient } = await import("./okta-client");
    const client = oktaReadClient(connector, context);
    const app = await findApp(client, connector, context.env);
    const grantsAt = `GET /api/v1/apps/${printable(app.id)}/grants`;
    const consent = await allItems(grantsAt, () => client.applicationApi.listScopeConsentGrants({ appId: app.id }));
    const rolesAt = `GET /oauth2/v1/clients/${printable(app.clientId)}/roles`;
    const roles = await allItems(rolesAt, () =>
      client.roleAssignmentApi.listRolesForClient({ clientId: app.clientId }),
    );
    const facts: Fact[] = [
      { label: "org", value: printable(oktaOrgUrl(connector, context.env)) },
      { label: "app", value: printable(`${app.label} (app ${app.id}, client ${app.clientId})`) },
    ];
    const grants = scopeGrants(connector, consent as any[], grantsAt);
    for (const role of roles)
      grants.push(...(await assignmentGrants(client, connector, { role, where: rolesAt }, facts)));
    const keysAt = `GET /api/v1/apps/${printable(app.id)}/credentials/jwks`;
    const keys = keyAgeDrift(connector, await readAppKeys(client, app.id, keysAt), keysAt, new Date());
    const secretsAt = `GET /api/v1/apps/${printable(app.id)}/credentials/secrets`;
    const credentials = clientCredentialDrift(
      connector,
      { authMethod: app.authMethod, secrets: await readClientSecrets(client, app.id, secretsAt) },
      { app: `GET /api/v1/apps?q=, app ${printable(app.id)}`, secrets: secretsAt },
    );
    return {
      grants,
      facts: [...facts, ...keys.facts, ...credentials.facts],
      drift: [...keys.drift, ...credentials.drift],
    };
  },
};
