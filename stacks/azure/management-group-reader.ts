import { Construct } from "constructs";
import { AzurermProvider, RoleAssignment } from "../../providers/azurerm";

export interface ManagementGroupReaderProps {
  readonly tenantId: string;
  /** Object ID of the connector's service principal. */
  readonly principalObjectId: string;
  /** @default azurerm reads `ARM_SUBSCRIPTION_ID` */
  readonly subscriptionId?: string;
}

/**
 * Reader at the tenant root management group (its ID is the tenant ID), so Insights
 * sees every subscription. Creating it needs "Access management for Azure resources"
 * turned on for the deploying admin; docs/sources.md (Entra ID) says how, and to turn it back off.
 */
export class ManagementGroupReader extends Construct {
  readonly assignment: RoleAssignment;

  constructor(scope: Construct, id: string, props: ManagementGroupReaderProps) {
    super(scope, id);
    new AzurermProvider(this, "azurerm", { tenantId: props.tenantId, subscriptionId: props.subscriptionId });
    this.assignment = new RoleAssignment(this, "reader", {
      scope: rootManagementGroupScope(props.tenantId),
      roleDefinitionName: "Reader",
      principalId: props.principalObjectId,
      principalType: "ServicePrincipal",
      skipServicePrincipalAadCheck: true,
      description: "BeyondTrust Identity Security Insights: read Azure resources",
    });
    this.assignment.overrideLogicalId("root_management_group_reader");
  }
}

export function rootManagementGroupScope(tenantId: string): string {
  return `/providers/Microsoft.Management/managementGroups/${tenantId}`;
}
