/**
 * The APIs Insights calls, by the name the azuread provider's
 * `azuread_application_published_app_ids` data source gives their app ID
 * (hashicorp/go-azure-sdk `environments/published.go`), so no GUID is written here.
 */
export const AZURE_APIS = {
  graph: { publishedAppName: "MicrosoftGraph", title: "Microsoft Graph" },
  office365: { publishedAppName: "Office365Management", title: "Office 365 Management APIs" },
} as const;
export type AzureApi = keyof typeof AZURE_APIS;

/**
 * Application permissions BeyondTrust documents for the Insights Entra app, grouped so
 * a tenant config can leave out what it does not license. Names are the permission
 * values the Graph and Office 365 service principals publish as app roles.
 */
export const AZURE_PERMISSION_GROUPS = {
  "core-directory": {
    api: "graph",
    permissions: [
      "Application.Read.All",
      "AuditLog.Read.All",
      "Directory.Read.All",
      "Group.Read.All",
      "IdentityProvider.Read.All",
      "Policy.Read.All",
      "Reports.Read.All",
      "RoleManagement.Read.All",
      "User.Read.All",
      "UserAuthenticationMethod.Read.All",
    ],
  },
  risk: {
    api: "graph",
    permissions: ["IdentityRiskEvent.Read.All", "IdentityRiskyServicePrincipal.Read.All", "IdentityRiskyUser.Read.All"],
  },
  hybrid: { api: "graph", permissions: ["OnPremDirectorySynchronization.Read.All"] },
  governance: {
    api: "graph",
    permissions: ["DelegatedAdminRelationship.Read.All", "EntitlementManagement.Read.All"],
  },
  "microsoft-365": {
    api: "graph",
    permissions: [
      "DeviceManagementApps.Read.All",
      "MailboxSettings.Read",
      "Sites.Read.All",
      "TeamsAppInstallation.ReadForUser.All",
    ],
  },
  "activity-feed": { api: "office365", permissions: ["ActivityFeed.Read"] },
} as const satisfies Record<string, { api: AzureApi; permissions: readonly string[] }>;

export type AzurePermissionGroup = keyof typeof AZURE_PERMISSION_GROUPS;
export const AZURE_PERMISSION_GROUP_NAMES = Object.keys(AZURE_PERMISSION_GROUPS) as AzurePermissionGroup[];

/** The connector cannot read users and groups without this group. */
export const REQUIRED_AZURE_GROUP: AzurePermissionGroup = "core-directory";

/** The permissions a set of groups grants, per API, in catalog order. */
export function azurePermissionsByApi(groups: readonly AzurePermissionGroup[]): Map<AzureApi, string[]> {
  const byApi = new Map<AzureApi, string[]>();
  for (const group of groups) {
    const { api, permissions } = AZURE_PERMISSION_GROUPS[group];
    byApi.set(api, [...(byApi.get(api) ?? []), ...permissions]);
  }
  return byApi;
}
