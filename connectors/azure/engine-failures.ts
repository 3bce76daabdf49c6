import type { EngineFailureRule } from "../kind";
import type { AzureConnectorConfig } from "./config";
import { MANAGEMENT_GROUP_FIRST_SETUP, MANAGEMENT_GROUP_FIRST_SETUP_PAGE } from "./notices";
import { secretGraceDays, secretLifetimeDays } from "./secret-lifetime";

/**
 * Microsoft Graph's error codes for a password an app management policy refuses, as Microsoft's
 * own Teams Toolkit matches them: OfficeDev/teams-toolkit
 * packages/fx-core/src/component/driver/aad/utility/constants.ts @ 17173b3361f440b149cf19ee548d3dfa1f494f31
 * (`aadErrorCode`). The azuread provider passes Graph's error on ("Adding password for
 * application with object ID …", application_password_resource.go @ v3.7.0).
 */
export const APP_POLICY_LIFETIME_ERROR = "CredentialInvalidLifetimeAsPerAppPolicy";
export const APP_POLICY_PASSWORD_BLOCKED_ERROR = "CredentialTypeNotAllowedAsPerAppPolicy";
const APP_POLICY_ORIGIN =
  "OfficeDev/teams-toolkit packages/fx-core/src/component/driver/aad/utility/constants.ts " +
  "@ 17173b3361f440b149cf19ee548d3dfa1f494f31; https://learn.microsoft.com/en-us/graph/api/resources/passwordcredentialconfiguration";

/**
 * Azure Resource Manager's answers for a management group that does not exist (yet): 404 `NotFound`
 * "'/providers/Microsoft.Management/managementGroups/<id>' not found"
 * (JulianHayward/Azure-MG-Sub-Governance-Reporting issue 109), `ManagementGroupNotFound` "The management
 * group '…' cannot be found." (Azure/azure-monitor-baseline-alerts issue 459), and 403 `AuthorizationFailed`
 * "… or the scope is invalid" for a read of one that does not exist (Azure/azure-rest-api-specs issue 9549),
 * which is also what a deployer without elevated access gets.
 */
const NOT_FOUND = /ManagementGroupNotFound|\bNotFound\b|not found|cannot be found|StatusCode=404|status code 404/i;
const NO_ACCESS_OR_NO_GROUP = /AuthorizationFailed|scope is invalid|StatusCode=403|status code 403/i;

/** The root management group scope where the stack assigns Reader (stacks/azure/management-group-reader.ts). */
const rootScope = (tenantId: string) => `managementGroups/${tenantId}`.toLowerCase();

/** What an Entra or Azure failure of this connector's stack means, with the config field that changes it. */
export const azureEngineFailures: readonly EngineFailureRule<AzureConnectorConfig>[] = [
  {
    matches: (message) => message.includes(APP_POLICY_LIFETIME_ERROR),
    explain: (config) => {
      const days = secretLifetimeDays(config.secretRotationDays);
      const grace = secretGraceDays(config.secretRotationDays);
      return {
        message:
          `Entra refused the client secret (${APP_POLICY_LIFETIME_ERROR}): a tenant app management policy limits ` +
          `password lifetimes below the ${days} days this connector asks for (secretRotationDays ` +
          `${config.secretRotationDays} + ${grace} days of overlap). Lower secretRotationDays so that it plus ${grace} ` +
          "fits the policy's maxLifetime (GET /policies/defaultAppManagementPolicy shows it), or have an admin " +
          "exempt the app",
        field: ["secretRotationDays"],
      };
    },
    origin: APP_POLICY_ORIGIN,
  },
  {
    matches: (message) => message.includes(APP_POLICY_PASSWORD_BLOCKED_ERROR),
    explain: () => ({
      message:
        `Entra refused the client secret (${APP_POLICY_PASSWORD_BLOCKED_ERROR}): a tenant app management policy ` +
        "blocks client secrets for this app, and the Insights Azure connector signs in with one; an admin must " +
        "exempt the app from the policy (passwordAddition restriction)",
    }),
    origin: APP_POLICY_ORIGIN,
  },
  {
    matches: (message, config) =>
      config.azureResources &&
      message.toLowerCase().includes(rootScope(config.tenantId)) &&
      (NOT_FOUND.test(message) || NO_ACCESS_OR_NO_GROUP.test(message)),
    explain: (config, message) => ({
      message:
        `Reader could not be assigned at the tenant root management group (${rootScope(config.tenantId)}): ` +
        (NOT_FOUND.test(message)
          ? "it does not exist yet. "
          : "the deploying identity may not assign roles there, or the group does not exist yet. ") +
        "A tenant that never used management groups gets its root group on first use, which Microsoft says " +
        `"${MANAGEMENT_GROUP_FIRST_SETUP}" (${MANAGEMENT_GROUP_FIRST_SETUP_PAGE}): open Management groups in the ` +
        "Azure portal once, wait for it, make sure 'Access management for Azure resources' is on for the deploying " +
        "Global Administrator, then run up again; or set azureResources: false to leave Azure resources out",
      field: ["azureResources"],
    }),
    origin: `${MANAGEMENT_GROUP_FIRST_SETUP_PAGE}; hashicorp/terraform-provider-azurerm internal/services/authorization/role_assignment_resource.go`,
  },
];
