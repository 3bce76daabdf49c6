import { DataAzureadApplicationPublishedAppIds } from "@cdktf/provider-azuread/lib/data-azuread-application-published-app-ids";
import { DataAzureadServicePrincipal } from "@cdktf/provider-azuread/lib/data-azuread-service-principal";
import { Construct } from "constructs";
import { AZURE_APIS, type AzureApi } from "../../connectors/azure/permissions";

/** Terraform name of an API's service principal lookup; review reads app-role references by it. */
export const publishedApiLogicalId = (api: AzureApi): string => `${api}_service_principal`;

export interface PublishedApiProps {
  /** The well-known app IDs, read once per stack. */
  readonly publishedAppIds: DataAzureadApplicationPublishedAppIds;
  /** Which API, as the catalog names it. */
  readonly api: AzureApi;
}

/**
 * A Microsoft API's service principal in the customer's tenant, looked up by its
 * published app ID. Permission IDs are read from it by value, so no role GUID is
 * written into the stack and a renamed permission fails the plan instead of
 * granting something else.
 */
export class PublishedApi extends Construct {
  readonly clientId: string;
  private readonly servicePrincipal: DataAzureadServicePrincipal;

  constructor(scope: Construct, id: string, props: PublishedApiProps) {
    super(scope, id);
    this.clientId = props.publishedAppIds.result.lookup(AZURE_APIS[props.api].publishedAppName);
    this.servicePrincipal = new DataAzureadServicePrincipal(this, "service-principal", { clientId: this.clientId });
    this.servicePrincipal.overrideLogicalId(publishedApiLogicalId(props.api));
  }

  /** Object ID of the API's service principal: the resource side of an app-role assignment. */
  get objectId(): string {
    return this.servicePrincipal.objectId;
  }

  /** The app role (application permission) ID for a permission value such as `User.Read.All`. */
  appRoleId(permission: string): string {
    return this.servicePrincipal.appRoleIds.lookup(permission);
  }
}
