import { BT_DOCS } from "./origins";

/*
 * BeyondTrust's words for the grants the 24.04 guide does not list, quoted from its current
 * connector pages (read 2026-12-06), so a reviewer can check each grant against the page without
 * trusting this toolkit: each grant's origin carries the page, the section and the entry quoted.
 */

/**
 * docs.beyondtrust.com/insights/docs/okta, "Create a new app integration", step 8: "Navigate to
 * Okta API Scopes, and grant access to the following:", then these ten, in the page's order. The
 * guide's 24.04 list stops at `okta.users.read`; the last two are the page's additions.
 */
export const BT_OKTA_PAGE_SCOPES = [
  "okta.apiTokens.read",
  "okta.apps.read",
  "okta.groups.read",
  "okta.idps.read",
  "okta.logs.read",
  "okta.policies.read",
  "okta.roles.read",
  "okta.users.read",
  "okta.orgs.read",
  "okta.networkZones.read",
] as const;

/** The origin of an Okta scope the page adds to the guide: the step's own words and the entry. */
export function oktaPageScopeOrigin(scope: (typeof BT_OKTA_PAGE_SCOPES)[number]): string {
  return (
    `${BT_DOCS.okta} § Create a new app integration, step 8: ` +
    `"Navigate to Okta API Scopes, and grant access to the following: … ${scope}"`
  );
}

/**
 * docs.beyondtrust.com/insights/docs/azure, "Prerequisites" > "Required roles and permissions":
 * "The following read-only roles are required for this connector. You do not need to manually
 * grant these roles, as this is managed by the connector install script.", then a table of these,
 * spelled as the page spells them. (The page's newer revision adds "Key Vault Reader role" and a
 * "BT Insights Custom AI Reader role" for its optional AI security features; this toolkit grants
 * neither.)
 */
export const BT_AZURE_PAGE_PERMISSIONS = {
  "Microsoft Graph": [
    "Application.Read.All",
    "AuditLog.Read.All",
    "DelegatedAdminRelationship.Read.All",
    "DeviceManagementApps.Read.All",
    "Directory.Read.All",
    "EntitlementManagement.Read.All",
    "Group.Read.All",
    "IdentityProvider.Read.Al",
    "ldentityRiskEvent.Read.All",
    "IdentityRiskyServicePrincipal.Read.All",
    "IdentityRiskyUser.Read.All",
    "MailboxSettings.Read",
    "OnPremDirectorySynchronization.Read.All",
    "Policy.Read.All",
    "Reports.Read.All",
    "RoleManagement.Read.All",
    "Sites.Read.All",
    "TeamsAppInstallation.ReadForUser.All",
    "User.Read.All",
    "UserAuthenticationMethod.Read.All",
  ],
  "Office 365 management APIs": ["ActivityFeed.Read"],
  "Management groups": ["Reader Role"],
} as const;
export type BtAzurePageHeading = keyof typeof BT_AZURE_PAGE_PERMISSIONS;

/**
 * Two entries the page misspells: a truncated `…Read.Al` and a lower-case L for the capital I.
 * The catalog uses the names the Microsoft Graph service principal publishes as app roles;
 * the origin quotes the page as it stands and says so.
 */
const PAGE_SPELLING: Readonly<Record<string, string>> = {
  "IdentityProvider.Read.All": "IdentityProvider.Read.Al",
  "IdentityRiskEvent.Read.All": "ldentityRiskEvent.Read.All",
};

/** The origin of an Azure permission: the page, its section, the table heading and the entry as printed. */
export function azurePagePermissionOrigin(heading: BtAzurePageHeading, permission: string): string {
  const printed = PAGE_SPELLING[permission] ?? permission;
  const sic = printed === permission ? "" : ` (sic: the page's spelling of ${permission})`;
  return (
    `${BT_DOCS.azure} § Required roles and permissions: "The following read-only roles are required for ` +
    `this connector" — ${heading}: "${printed}"${sic}`
  );
}
