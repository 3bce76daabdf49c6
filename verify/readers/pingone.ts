import type { PingOneConnectorConfig } from "../../connectors/pingone/config";
import type { ExtractedGrant } from "../../plan/extracted-grant";
import { pingoneRoleAccess } from "../../review/access/pingone-role";
import { printable } from "../../providers/text/printable";
import { UnreadableSourceError, type Drift, type Fact, type SourceReader } from "../reading";
import { pingoneEndpoints, PingOneStatusError, signIn, type PingOneApi } from "./pingone-api";

/**
 * PingOne Platform API shapes the reader uses (https://developer.pingidentity.com/pingone-api/platform/):
 * "Applications" (`_embedded.applications[]`: `id`, `name`, `enabled`, `type`), "Application Role
 * Assignments" (`_embedded.roleAssignments[]`: `role.id`, `scope.id`, `scope.type`) and "Roles"
 * (`GET /v1/roles/{roleID}`: `id`, `name`). Lists are HAL pages linked by `_links.next.href`.
 */
interface Page<T> {
  readonly _embedded?: Record<string, T[] | undefined>;
  readonly _links?: { next?: { href?: string } };
}
interface Application {
  id: string;
  name: string;
  enabled?: boolean;
  type?: string;
}
export interface RoleAssignment {
  id?: string;
  role?: { id?: string };
  scope?: { id?: string; type?: string };
}

/** A ceiling on pages, so a server that always answers "more" cannot keep verify busy. */
const MAX_PAGES = 100;

async function allItems<T>(api: PingOneApi, apiV1: string, what: string, path: string, key: string): Promise<T[]> {
  const items: T[] = [];
  let next: string | undefined = path;
  for (let page = 0; next !== undefined && page < MAX_PAGES; page += 1) {
    const answer = (await api.get(what, next)) as Page<T>;
    items.push(...(answer._embedded?.[key] ?? []));
    const href = answer._links?.next?.href;
    // The token goes only to the API it was issued for: a next link elsewhere is not followed.
    if (href && !href.startsWith(`${apiV1}/`))
      throw new UnreadableSourceError(what, "a next-page link to another host");
    next = href ? href.slice(apiV1.length) : undefined;
  }
  return items;
}

/**
 * One assignment in the catalog's vocabulary. An environment-scoped assignment is scoped
 * `pingone-environment:<id>` like the catalog's (another environment's id makes it extra). One
 * on the whole organization of a catalog role is reported as a wider scope beside the grant it
 * covers; of any other role, it is extra at `pingone-organization:<id>`. Any other scope
 * (population, application) becomes its own scope, so it shows as extra.
 */
export function assignmentGrant(
  roleName: string,
  assignment: RoleAssignment,
  environmentId: string,
  where: string,
  catalogRoles: readonly string[],
): { grant: ExtractedGrant; drift?: Drift } {
  const type = printable(assignment.scope?.type ?? "UNKNOWN").toLowerCase();
  const scopeId = printable(assignment.scope?.id ?? "").toLowerCase();
  const catalogScope = `pingone-environment:${environmentId.toLowerCase()}`;
  const base = {
    source: "pingone",
    kind: "pingone-role",
    name: roleName,
    access: pingoneRoleAccess(roleName),
    artifact: where,
  } as const;
  if (type === "organization" && catalogRoles.includes(roleName)) {
    const drift: Drift = {
      change: "wider scope",
      subject: `pingone-role ${roleName} @ pingone-organization:${scopeId}`,
      access: base.access,
      detail: `catalog: ${catalogScope}`,
      where,
    };
    return { grant: { ...base, scope: catalogScope }, drift };
  }
  return { grant: { ...base, scope: `pingone-${type}:${scopeId}` } };
}

/** The worker app named in the config, in the connector's environment; several of that name cannot be told apart. */
async function findApplication(api: PingOneApi, apiV1: string, connector: PingOneConnectorConfig) {
  const env = encodeURIComponent(connector.environmentId);
  const what = "GET /v1/environments/{envId}/applications";
  const apps = await allItems<Application>(api, apiV1, what, `/environments/${env}/applications`, "applications");
  const named = apps.filter((app) => app.name === connector.appName);
  if (named.length > 1) {
    const ids = named.map((app) => printable(String(app.id))).join(", ");
    throw new UnreadableSourceError(what, `${named.length} applications are named "${connector.appName}" (${ids})`);
  }
  return named[0];
}

/** A role's `name`, or undefined when PingOne has no such role at `path` (404). */
async function nameAt(api: PingOneApi, what: string, path: string): Promise<string | undefined> {
  try {
    const role = (await api.get(what, path)) as { name?: unknown };
    return typeof role.name === "string" && role.name ? printable(role.name) : undefined;
  } catch (error) {
    if (error instanceof PingOneStatusError && error.status === 404) return undefined;
    throw error;
  }
}

/**
 * Role names by ID, each role read once. `GET /v1/roles/{id}` knows only built-in roles
 * ("Read One Built-in Admin Role": it "does not return information for a custom role");
 * a custom role ("Read One Custom Admin Role", `GET /v1/environments/{envId}/roles/{id}`) is
 * named `custom role <name>`, so a custom role called "Configuration Read Only" can never
 * pass for the built-in one, and the classifier, not recognising it, counts it as admin.
 */
async function roleNames(api: PingOneApi, environmentId: string, ids: readonly string[]): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  const env = encodeURIComponent(environmentId);
  for (const id of new Set(ids)) {
    const role = encodeURIComponent(id);
    const builtIn = await nameAt(api, "GET /v1/roles/{roleId}", `/roles/${role}`);
    const custom = builtIn
      ? undefined
      : await nameAt(api, "GET /v1/environments/{envId}/roles/{roleId}", `/environments/${env}/roles/${role}`);
    names.set(id, builtIn ?? (custom ? `custom role ${custom}` : `unknown role ${printable(id)}`));
  }
  return names;
}

/**
 * A disabled application cannot get a token, so Insights reads nothing: the stack deploys it
 * enabled (`pingone_application.enabled`), and anything else is drift, not a remark.
 */
function enabledDrift(app: Application): Drift[] {
  if (app.enabled !== false) return [];
  return [
    {
      change: "disabled",
      subject: `pingone application ${printable(app.name)} (ID ${printable(app.id)})`,
      detail: "enabled: false; the stack deploys it enabled, and a disabled worker app gets no token",
      where: "GET /v1/environments/{envId}/applications",
    },
  ];
}

/**
 * PingOne: the worker app found by name, its role assignments resolved to role names, as
 * `pingone-role` grants. The client secret is not read: its endpoint returns the secret
 * itself and no creation time (PingOne Platform API, "Application Secret" data model).
 */
export const pingoneReader: SourceReader<PingOneConnectorConfig> = {
  kind: "pingone",
  async read(connector, context) {
    const endpoints = pingoneEndpoints(connector.region, context.env);
    const api = await signIn(endpoints, context);
    const apiV1 = `${endpoints.apiUrl}/v1`;
    const app = await findApplication(api, apiV1, connector);
    if (!app) {
      const facts: Fact[] = [{ label: "application", value: `none named "${connector.appName}" (not deployed?)` }];
      return { grants: [], facts };
    }
    const env = encodeURIComponent(connector.environmentId);
    const path = `/environments/${env}/applications/${encodeURIComponent(app.id)}/roleAssignments`;
    const what = "GET /v1/environments/{envId}/applications/{appId}/roleAssignments";
    const assignments = await allItems<RoleAssignment>(api, apiV1, what, path, "roleAssignments");
    const names = await roleNames(
      api,
      connector.environmentId,
      assignments.map((a) => a.role?.id ?? "").filter(Boolean),
    );
    const where = `application ${printable(app.name)}, role assignments`;
    const mapped = assignments
      .filter((a) => a.role?.id)
      .map((a) => assignmentGrant(names.get(a.role!.id!)!, a, connector.environmentId, where, connector.roles));
    const facts: Fact[] = [{ label: "application", value: `${printable(app.name)} (ID ${printable(app.id)})` }];
    const drift = [...mapped.flatMap((m) => (m.drift ? [m.drift] : [])), ...enabledDrift(app)];
    return { grants: mapped.map((m) => m.grant), facts, drift };
  },
};
