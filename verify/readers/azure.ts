import type { AzureConnectorConfig } from "../../connectors/azure/config";
import { entraTenantScope } from "../../connectors/azure/grants";
import { secretLifetimeDays } from "../../connectors/azure/secret-lifetime";
import { UnreadableSourceError, type Fact, type SourceReader, type SourceReading } from "../reading";
import { readRbacRoles } from "./azure-rbac";
import { entraCredential, graphReader, odataString, type GraphReader } from "./entra-client";
import { readIdentitySurplus } from "./entra-identity-read";
import type { KeyCredential } from "./entra-surplus";
import {
  grantedRoles,
  requestedNotGranted,
  secretDrift,
  type PasswordCredential,
  type ResolvedRole,
  type ResourcePrincipal,
} from "./entra-grants";

interface ServicePrincipal {
  id: string;
  appId: string;
  displayName: string;
}
interface Application {
  id: string;
  requiredResourceAccess?: { resourceAppId: string; resourceAccess?: { id: string; type: string }[] }[];
  passwordCredentials?: PasswordCredential[];
  keyCredentials?: KeyCredential[];
}

/** OData string literal: a quote is doubled. */
/** The connector's service principal: by `INSIGHTS_AZURE_APP_ID` when set, else by its display name. */
async function findPrincipal(graph: GraphReader, connector: AzureConnectorConfig, appId?: string) {
  if (appId) {
    const path = `/servicePrincipals(appId=${encodeURIComponent(odataString(appId))})`;
    return graph.get<ServicePrincipal>(`service principal of app ${appId}`, path);
  }
  const name = connector.servicePrincipalName;
  const found = await graph.list<ServicePrincipal>(
    `service principal "${name}"`,
    `/servicePrincipals?$filter=displayName eq ${encodeURIComponent(odataString(name))}&$select=id,appId,displayName`,
  );
  if (found.length === 1) return found[0]!;
  const why = found.length
    ? `${found.length} service principals have that name; set INSIGHTS_AZURE_APP_ID to pick one`
    : "no service principal has that display name (servicePrincipalName in the config)";
  throw new UnreadableSourceError(`service principal "${name}"`, why);
}

/** Resource service principals (the APIs), each read once, by object ID or by app ID. */
function resourceCache(graph: GraphReader) {
  const cache = new Map<string, Promise<ResourcePrincipal>>();
  const select = "$select=id,appId,displayName,appRoles";
  const read = (key: string, path: string) => {
    if (!cache.has(key)) cache.set(key, graph.get<ResourcePrincipal>(`resource service principal ${key}`, path));
    return cache.get(key)!;
  };
  return {
    byId: (id: string) => read(id, `/servicePrincipals/${encodeURIComponent(id)}?${select}`),
    byAppId: (appId: string) =>
      read(appId, `/servicePrincipals(appId=${encodeURIComponent(odataString(appId))})?${select}`),
  };
}

/** Granted app roles (assignments) and requested ones (`requiredResourceAccess`), resolved to names. */
async function readAppPermissions(graph: GraphReader, principal: ServicePrincipal) {
  const resources = resourceCache(graph);
  const assignments = await graph.list<{ resourceId: string; appRoleId: string }>(
    "app role assignments",
    `/servicePrincipals/${encodeURIComponent(principal.id)}/appRoleAssignments`,
  );
  const granted: ResolvedRole[] = await Promise.all(
    assignments.map(async (a) => ({ resource: await resources.byId(a.resourceId), appRoleId: a.appRoleId })),
  );
  const application = await graph.get<Application>(
    `application ${principal.appId}`,
    `/applications(appId=${encodeURIComponent(odataString(principal.appId))})` +
      "?$select=id,requiredResourceAccess,passwordCredentials,keyCredentials",
  );
  const requested: ResolvedRole[] = [];
  for (const api of application.requiredResourceAccess ?? []) {
    const roles = (api.resourceAccess ?? []).filter((access) => access.type === "Role");
    if (roles.length === 0) continue;
    const resource = await resources.byAppId(api.resourceAppId);
    requested.push(...roles.map((role) => ({ resource, appRoleId: role.id })));
  }
  return { granted, requested, application, resources };
}

/**
 * Entra ID: the connector's app registration through Microsoft Graph, read-only. Granted
 * application permissions (the service principal's app-role assignments) become catalog
 * grants; requested-but-unconsented permissions and client secrets past the catalog's
 * lifetime are drift, and so is everything else that makes the identity more powerful:
 * directory roles, owners, credentials beside the stack's secret, delegated grants.
 * Azure RBAC roles of the same principal come from ARM.
 */
export const azureReader: SourceReader<AzureConnectorConfig> = {
  kind: "azure",
  async read(connector, context): Promise<SourceReading> {
    const credential = entraCredential(context, connector.tenantId);
    const graph = graphReader(context, credential);
    const scope = entraTenantScope(connector);
    const principal = await findPrincipal(graph, connector, context.env.INSIGHTS_AZURE_APP_ID?.trim() || undefined);
    const { granted, requested, application, resources } = await readAppPermissions(graph, principal);
    const where = `service principal ${principal.displayName} (app ${principal.appId})`;
    const found = grantedRoles(granted, scope, `${where}, app role assignments`);
    const surplus = await readIdentitySurplus(graph, { principal, application }, scope, async (id) => {
      const resource = await resources.byId(id);
      return `${resource.displayName} (${resource.appId})`;
    });
    const lifetime = secretLifetimeDays(connector.secretRotationDays);
    const secrets = application.passwordCredentials ?? [];
    const facts: Fact[] = [
      {
        label: "service principal",
        value: `${principal.displayName} (app ${principal.appId}, object ${principal.id})`,
      },
      { label: "client secrets", value: secretsFact(secrets) },
      ...surplus.facts,
    ];
    // Reading ARM needs Reader at the root management group, which only azureResources grants.
    const rbac = connector.azureResources
      ? await readRbacRoles(context, credential, connector.tenantId, principal.id)
      : [];
    if (!connector.azureResources) {
      facts.push({ label: "azure resources", value: "not read (azureResources: false): Azure RBAC roles not checked" });
    }
    return {
      grants: [...found.grants, ...rbac],
      facts,
      drift: [
        ...found.drift,
        ...surplus.drift,
        ...requestedNotGranted(requested, granted, scope, `${where}, requiredResourceAccess`),
        ...secretDrift(secrets, lifetime, new Date(), `${where}, passwordCredentials`),
      ],
    };
  },
};

function secretsFact(secrets: readonly PasswordCredential[]): string {
  if (secrets.length === 0) return "none";
  return secrets.map((s) => `${s.displayName || s.keyId || "(unnamed)"} until ${s.endDateTime ?? "never"}`).join(", ");
}
