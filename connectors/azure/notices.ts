import type { PlanNotice } from "../kind";
import { BT_DOCS } from "../origins";
import type { AzureConnectorConfig } from "./config";
import { secretGraceDays, secretLifetimeDays } from "./secret-lifetime";

/** Microsoft's words on a tenant's first management group (the same sentence in the portal and SDK quickstarts). */
export const MANAGEMENT_GROUP_FIRST_SETUP =
  "The first management group created in the directory could take up to 15 minutes to complete.";
export const MANAGEMENT_GROUP_FIRST_SETUP_PAGE =
  "https://learn.microsoft.com/en-us/azure/governance/management-groups/create-management-group-rest-api";
/** `passwordCredentialConfiguration`: `restrictionType` passwordLifetime with `maxLifetime` (ISO 8601 duration). */
const APP_MANAGEMENT_POLICY_PAGE =
  "https://learn.microsoft.com/en-us/graph/api/resources/passwordcredentialconfiguration";

const AZURE_ACCESS = `${BT_DOCS.azure} (Prerequisites: Azure access)`;
/** hashicorp/terraform-provider-azurerm@9a5327f9a3d9d4cbab89d8b9362af25c1141dae6. */
const AZURERM_SUBSCRIPTION_MANDATORY =
  "hashicorp/terraform-provider-azurerm website/docs/guides/4.0-upgrade-guide.html.markdown " +
  "(Specifying Subscription ID is now Mandatory)";
const REQUIRED_PERMISSIONS = `${BT_DOCS.azure} (Required roles and permissions: Management groups: Reader)`;

/**
 * What the Azure plan states besides its grants: the elevation Reader at the root
 * management group needs, and what leaving it out costs.
 */
export function azureNotices(config: AzureConnectorConfig): PlanNotice[] {
  return [...secretPolicyNotices(config), ...azureResourceNotices(config)];
}

/**
 * The client secret's lifetime against a tenant app management policy: a `passwordLifetime`
 * restriction shorter than it makes Graph refuse the secret (`CredentialInvalidLifetimeAsPerAppPolicy`).
 */
function secretPolicyNotices(config: AzureConnectorConfig): PlanNotice[] {
  const days = secretLifetimeDays(config.secretRotationDays);
  return [
    {
      kind: "step",
      text:
        `each client secret is created to live ${days} days (secretRotationDays ${config.secretRotationDays} + ` +
        `${secretGraceDays(config.secretRotationDays)} days of overlap): a tenant app management policy with a ` +
        `shorter passwordLifetime makes Entra refuse it (CredentialInvalidLifetimeAsPerAppPolicy); check ` +
        "GET /policies/defaultAppManagementPolicy before the first apply, and lower secretRotationDays or exempt the app",
      origin: APP_MANAGEMENT_POLICY_PAGE,
    },
  ];
}

/** Reader at the tenant root management group: what it needs, and what leaving it out costs. */
function azureResourceNotices(config: AzureConnectorConfig): PlanNotice[] {
  if (!config.azureResources) {
    return [
      {
        kind: "reduced-coverage",
        text:
          "azureResources: false leaves out Reader at the tenant root management group: " +
          "Insights sees no Azure subscriptions or resources, only Entra ID",
        origin: REQUIRED_PERMISSIONS,
      },
    ];
  }
  const notices: PlanNotice[] = [
    {
      kind: "step",
      text:
        `Reader is assigned at the tenant root management group (managementGroups/${config.tenantId}); a tenant ` +
        "that never used management groups gets it on first use, and Microsoft says " +
        `"${MANAGEMENT_GROUP_FIRST_SETUP}": open Management groups in the Azure portal once and wait before the ` +
        "first apply",
      origin: MANAGEMENT_GROUP_FIRST_SETUP_PAGE,
    },
    {
      kind: "elevation",
      text:
        "the deploying Global Administrator turns on 'Access management for Azure resources' " +
        "(Entra ID > Properties) before the apply that creates Reader at the root management group, " +
        "and turns it off again straight after",
      origin: AZURE_ACCESS,
    },
  ];
  if (!config.subscriptionId) {
    notices.push({
      kind: "step",
      text:
        "azurerm needs an existing subscription even for management-group work: " +
        "set subscriptionId in the config or ARM_SUBSCRIPTION_ID before the apply",
      origin: AZURERM_SUBSCRIPTION_MANDATORY,
    });
  }
  return notices;
}
