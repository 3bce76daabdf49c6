import type { TerraformMetaArguments } from "cdktf";
import type { Construct } from "constructs";
import { BoundProvider, BoundResource, type TerraformProviderBinding } from "../terraform/binding";

/**
 * The two pieces of `hashicorp/azurerm` the Entra stack needs, bound by hand: the
 * prebuilt `@cdktf/provider-azurerm` is hundreds of megabytes for one resource.
 * Arguments follow the provider's 4.x documentation
 * (https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/role_assignment);
 * test/providers/schema-conformance.test.ts holds every argument the stack writes to
 * `schema-excerpt.json`, an excerpt of those pages (repository and commit inside).
 */
export const AZURERM: TerraformProviderBinding = {
  name: "azurerm",
  source: "hashicorp/azurerm",
  versionConstraint: "~> 4.0",
};

export interface AzurermProviderConfig {
  /** Entra tenant the provider signs in to. */
  readonly tenantId: string;
  /**
   * Any existing subscription: azurerm 4.x refuses to start without one, even for
   * management-group-scoped work.
   * @default read by the provider from `ARM_SUBSCRIPTION_ID`
   */
  readonly subscriptionId?: string;
}

export class AzurermProvider extends BoundProvider {
  constructor(scope: Construct, id: string, config: AzurermProviderConfig) {
    // `features {}` is mandatory in every azurerm provider block, even empty.
    super(scope, id, AZURERM, { tenant_id: config.tenantId, subscription_id: config.subscriptionId }, { features: {} });
  }
}

export interface RoleAssignmentConfig extends TerraformMetaArguments {
  /** Where the role applies, e.g. `/providers/Microsoft.Management/managementGroups/<id>`. */
  readonly scope: string;
  /** Built-in role by name, e.g. `Reader`. */
  readonly roleDefinitionName: string;
  /** Object ID of the service principal, user or group. */
  readonly principalId: string;
  /** `ServicePrincipal`, `User` or `Group`; stating it avoids a directory lookup. */
  readonly principalType: "ServicePrincipal" | "User" | "Group";
  /** A freshly created service principal may not have replicated yet; skip the check that would fail on it. */
  readonly skipServicePrincipalAadCheck?: boolean;
  readonly description?: string;
}

/** `azurerm_role_assignment`. */
export class RoleAssignment extends BoundResource {
  static readonly tfResourceType = "azurerm_role_assignment";

  constructor(scope: Construct, id: string, config: RoleAssignmentConfig) {
    const {
      scope: assignmentScope,
      roleDefinitionName,
      principalId,
      principalType,
      skipServicePrincipalAadCheck,
      description,
      ...meta
    } = config;
    super(
      scope,
      id,
      AZURERM,
      RoleAssignment.tfResourceType,
      {
        scope: assignmentScope,
        role_definition_name: roleDefinitionName,
        principal_id: principalId,
        principal_type: principalType,
        skip_service_principal_aad_check: skipServicePrincipalAadCheck,
        description,
      },
      meta,
    );
  }

  /** The assignment's resource ID. */
  get assignmentId(): string {
    return this.getStringAttribute("id");
  }
}
