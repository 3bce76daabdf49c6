/**
 * Where each grant comes from. Guide sections are quoted as the guide titles them,
 * so a reviewer can find the step; vendor pages are cited where they are newer.
 */
export const GUIDE = "Identity Security Insights Connectors Guide 24.04";

/** A section of the connectors guide, as the guide titles it. */
export function guide(section: string): string {
  return `${GUIDE} § ${section}`;
}

/** BeyondTrust's current connector pages, where they add to the 24.04 guide. */
export const BT_DOCS = {
  okta: "https://docs.beyondtrust.com/insights/docs/okta",
  azure: "https://docs.beyondtrust.com/insights/docs/azure",
} as const;

/** Vendor references for choices the guide leaves open. */
export const VENDOR_DOCS = {
  awsSecurityAudit: "https://docs.aws.amazon.com/aws-managed-policy/latest/reference/SecurityAudit.html",
  awsIdentityStoreActions:
    "https://docs.aws.amazon.com/service-authorization/latest/reference/list_awsidentitystore.html",
  gcpCreateServiceAccounts: "https://cloud.google.com/iam/docs/service-accounts-create",
  remoteSupportSessionReports:
    "https://www.beyondtrust.com/docs/remote-support/how-to/integrations/api/reporting/supportsession.htm",
  /** "Add credentials", Option 2: "Client secret lifetime is limited to two years (24 months) or less." */
  entraClientSecretLifetime: "https://learn.microsoft.com/en-us/entra/identity-platform/quickstart-register-app",
  githubAppPermissions: "https://docs.github.com/en/rest/authentication/permissions-required-for-github-apps",
  /**
   * Service Usage, "Enabled services" § Services enabled by default: "When you create a Google Cloud
   * project using the Google Cloud console or Google Cloud CLI, the following APIs and services are
   * enabled by default".
   */
  gcpServicesEnabledByDefault: "https://cloud.google.com/service-usage/docs/enabled-service#default",
} as const;
