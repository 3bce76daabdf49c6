import { AppRoleAssignment } from "@cdktf/provider-azuread/lib/app-role-assignment";
import { Construct } from "constructs";
import type { AzureApi } from "../../connectors/azure/permissions";
import { terraformName } from "../terraform/logical-id";
import type { PublishedApi } from "./published-api";

export interface AdminConsentProps {
  /** The API whose application permissions are consented. */
  readonly api: PublishedApi;
  readonly apiName: AzureApi;
  /** Permission values, exactly as the catalog lists them. */
  readonly permissions: readonly string[];
  /** Object ID of the connector's service principal. */
  readonly principalObjectId: string;
}

/**
 * Admin consent in code: one app-role assignment per application permission, which
 * is what "Grant admin consent" in the Entra portal creates.
 */
export class AdminConsent extends Construct {
  readonly assignments: AppRoleAssignment[];

  constructor(scope: Construct, id: string, props: AdminConsentProps) {
    super(scope, id);
    this.assignments = props.permissions.map((permission) => {
      const assignment = new AppRoleAssignment(this, permission, {
        appRoleId: props.api.appRoleId(permission),
        principalObjectId: props.principalObjectId,
        resourceObjectId: props.api.objectId,
      });
      assignment.overrideLogicalId(terraformName(props.apiName, "consent", permission));
      return assignment;
    });
  }
}
