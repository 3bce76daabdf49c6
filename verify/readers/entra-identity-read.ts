import type { Drift, Fact } from "../reading";
import { odataString, type GraphReader } from "./entra-client";
import {
  credentialDrift,
  delegatedGrantDrift,
  directoryRoleDrift,
  ownerDrift,
  type DelegatedGrant,
  type DirectoryRoleAssignment,
  type FederatedCredential,
  type KeyCredential,
  type NamedPasswordCredential,
  type Owner,
} from "./entra-surplus";

/** The connector's two objects as verify found them. */
export interface EntraIdentity {
  readonly principal: { id: string; appId: string; displayName: string };
  readonly application: {
    id: string;
    keyCredentials?: KeyCredential[];
    passwordCredentials?: NamedPasswordCredential[];
  };
}

/*
 * Each call below with the least privileged application permission Microsoft's Graph v1.0
 * reference names for it (microsoftgraph/microsoft-graph-docs-contrib, api-reference/v1.0):
 * - GET /roleManagement/directory/roleAssignments?$filter=principalId eq '{id}'&$expand=roleDefinition:
 *   RoleManagement.Read.Directory
 *   (api/rbacapplication-list-roleassignments.md @ 04f6cea9f8d406a9a00ebf566570113545c03c13);
 * - GET /applications/{id}/owners: Application.ReadWrite.OwnedBy, else Application.Read.All
 *   (includes/permissions/application-list-owners-permissions.md @ 2c095ade17381c2c4a6bcd0b815b630949d7734a);
 * - GET /servicePrincipals/{id}/owners: Application.Read.All
 *   (includes/permissions/serviceprincipal-list-owners-permissions.md @ c9bbab2c6d2a78652f5b597236adc465c53e0462);
 * - GET /applications/{id}/federatedIdentityCredentials: Application.Read.All
 *   (includes/permissions/application-list-federatedidentitycredentials-permissions.md @ c9bbab2c…);
 * - GET /servicePrincipals/{id}?$select=keyCredentials,passwordCredentials: Application.Read.All;
 * - GET /servicePrincipals/{id}/oauth2PermissionGrants: Directory.Read.All, the only read permission
 *   listed (api/serviceprincipal-list-oauth2permissiongrants.md @ 028b8e354879f1054adbd96bfa8d16fff4330811).
 */
export async function readIdentitySurplus(
  graph: GraphReader,
  { principal, application }: EntraIdentity,
  scope: string,
  resourceName: (resourceId: string) => Promise<string>,
): Promise<{ drift: Drift[]; facts: Fact[] }> {
  const sp = encodeURIComponent(principal.id);
  const app = encodeURIComponent(application.id);
  const where = `service principal ${principal.displayName} (app ${principal.appId})`;
  const roles = await graph.list<DirectoryRoleAssignment>(
    "directory role assignments",
    `/roleManagement/directory/roleAssignments?$filter=${encodeURIComponent(`principalId eq ${odataString(principal.id)}`)}` +
      "&$expand=roleDefinition",
  );
  const select = "$select=id,displayName";
  const appOwners = await graph.list<Owner>("owners of the application", `/applications/${app}/owners?${select}`);
  const spOwners = await graph.list<Owner>(
    "owners of the service principal",
    `/servicePrincipals/${sp}/owners?${select}`,
  );
  const federated = await graph.list<FederatedCredential>(
    "federated identity credentials",
    `/applications/${app}/federatedIdentityCredentials`,
  );
  const spCredentials = await graph.get<{
    keyCredentials?: KeyCredential[];
    passwordCredentials?: NamedPasswordCredential[];
  }>(
    `credentials of service principal ${principal.id}`,
    `/servicePrincipals/${sp}?$select=id,keyCredentials,passwordCredentials`,
  );
  const delegated = await graph.list<DelegatedGrant>(
    "delegated permission grants",
    `/servicePrincipals/${sp}/oauth2PermissionGrants`,
  );
  const names = new Map<string, string>();
  for (const id of new Set(delegated.map((g) => g.resourceId))) names.set(id, await resourceName(id));
  const drift = [
    ...directoryRoleDrift(roles, scope, `${where}, directory role assignments`),
    ...ownerDrift(appOwners, spOwners, `${where}, owners`),
    ...credentialDrift(
      {
        application: {
          keyCredentials: application.keyCredentials ?? [],
          passwordCredentials: application.passwordCredentials ?? [],
        },
        principal: {
          keyCredentials: spCredentials.keyCredentials ?? [],
          passwordCredentials: spCredentials.passwordCredentials ?? [],
        },
        federated,
      },
      { application: `application of ${where}`, principal: where },
    ),
    ...delegatedGrantDrift(delegated, (id) => names.get(id) ?? id, scope, `${where}, oauth2PermissionGrants`),
  ];
  const ownerNames = [...new Map([...appOwners, ...spOwners].map((o) => [o.id, o])).values()];
  const facts: Fact[] = [
    { label: "owners", value: ownerNames.map((o) => `${o.displayName ?? ""} (${o.id})`.trim()).join(", ") || "none" },
  ];
  return { drift, facts };
}
