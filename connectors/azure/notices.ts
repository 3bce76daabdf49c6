import type { PlanNotice } from "../kind";
import { BT_DOCS } from "../origins";
import type { AzureConnectorConfig } from "./config";

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
