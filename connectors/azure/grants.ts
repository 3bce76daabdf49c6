import type { Grant } from "../grant";
import { azurePagePermissionOrigin, type BtAzurePageHeading } from "../bt-docs-quotes";
import { guide } from "../origins";
import type { AzureConnectorConfig } from "./config";
import { AZURE_PERMISSION_GROUPS, type AzureApi, type AzurePermissionGroup } from "./permissions";

/** The heading each API's permissions stand under on BeyondTrust's Azure page. */
const PAGE_HEADINGS: Readonly<Record<AzureApi, BtAzurePageHeading>> = {
  graph: "Microsoft Graph",
  office365: "Office 365 management APIs",
};

/** Where the connector's app permissions apply: its Entra tenant. */
export const entraTenantScope = (config: Pick<AzureConnectorConfig, "tenantId">) => `entra-tenant:${config.tenantId}`;

export function azureGrants(config: AzureConnectorConfig): Grant[] {
  const scope = entraTenantScope(config);
  const grants: Grant[] = [];
  for (const group of config.permissionGroups as AzurePermissionGroup[]) {
    const { api, permissions } = AZURE_PERMISSION_GROUPS[group];
    for (const permission of permissions) {
      grants.push({
        source: "azure",
        scope,
        kind: api === "graph" ? "graph-app-role" : "office365-app-role",
        name: permission,
        access: "read",
        group,
        origin: azurePagePermissionOrigin(PAGE_HEADINGS[api], permission),
        note: "application permission with admin consent",
      });
    }
  }
  if (config.azureResources) {
    grants.push({
      source: "azure",
      scope: `azure-management-group:${config.tenantId}`,
      kind: "azure-rbac-role",
      name: "Reader",
      access: "read",
      origin: `${guide("Run the Microsoft Azure Connector Installation Script")}; ${azurePagePermissionOrigin(
        "Management groups",
        "Reader Role",
      )}`,
      note: "at the tenant root management group; needs 'Access management for Azure resources' during deploy",
    });
  }
  return grants;
}
