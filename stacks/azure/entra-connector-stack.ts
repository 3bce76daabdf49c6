import { Application } from "@cdktf/provider-azuread/lib/application";
import { DataAzureadApplicationPublishedAppIds } from "@cdktf/provider-azuread/lib/data-azuread-application-published-app-ids";
import { DataAzureadClientConfig } from "@cdktf/provider-azuread/lib/data-azuread-client-config";
import { DataAzureadDomains } from "@cdktf/provider-azuread/lib/data-azuread-domains";
import { AzureadProvider } from "@cdktf/provider-azuread/lib/provider";
import { ServicePrincipal } from "@cdktf/provider-azuread/lib/service-principal";
import { TimeProvider } from "@cdktf/provider-time/lib/provider";
import { TerraformOutput, TerraformStack, Token } from "cdktf";
import type { Construct } from "constructs";
import { azureConnectorConfig, type AzureConnectorConfig } from "../../connectors/azure/config";
import { azurePermissionsByApi, type AzurePermissionGroup } from "../../connectors/azure/permissions";
import { ENTRA_SECRET_DISPLAY_NAME } from "../../connectors/azure/secret-lifetime";
import { catalogEntry, constructLabel, entrySettings, requireLiterals } from "../construct-props";
import type { CdktfStackFactory } from "../stack-factory";
import { AdminConsent } from "./admin-consent";
import { ManagementGroupReader } from "./management-group-reader";
import { PublishedApi } from "./published-api";
import { ENTRA_SECRET_OUTPUTS, RotatingClientSecret } from "./rotating-client-secret";

/** Properties of {@link InsightsEntraConnectorStack}; checked and defaulted as a tenant file's `azure` entry. */
export interface InsightsEntraConnectorStackProps {
  /** The Entra tenant (directory) ID, a GUID. */
  readonly tenantId: string;
  /**
   * Display name of the app registration and its service principal.
   * @default "BT-SP-Connector"
   */
  readonly servicePrincipalName?: string;
  /**
   * Days until `up` replaces the client secret (7 to 730): it adds a new secret beside the current
   * one and deletes the old one only once Insights reports the new one Connected. Each secret
   * expires a grace period after its rotation date, in case no `up` runs.
   * @default 90
   */
  readonly secretRotationDays?: number;
  /**
   * The "Directory Name" Insights shows (Entra ID > Properties > Name).
   * @default - the tenant's initial `*.onmicrosoft.com` domain, read at apply time
   */
  readonly directoryName?: string;
  /**
   * Reader at the tenant root management group, so Insights sees Azure resources; `false`
   * leaves them out (reduced coverage).
   * @default true
   */
  readonly azureResources?: boolean;
  /**
   * An existing subscription for the azurerm provider; only with `azureResources`.
   * @default - azurerm reads `ARM_SUBSCRIPTION_ID` at apply time
   */
  readonly subscriptionId?: string;
  /**
   * The catalog's permission groups to grant; must include `"core-directory"`.
   * @default - every group
   */
  readonly permissionGroups?: readonly AzurePermissionGroup[];
}

/** A tenant file's `azure` entry as the stack's props. */
export function entraStackProps(connector: AzureConnectorConfig): InsightsEntraConnectorStackProps {
  return { ...entrySettings(connector), permissionGroups: connector.permissionGroups as AzurePermissionGroup[] };
}

const MANAGED_BY_NOTE =
  "Managed by insights-connectors for BeyondTrust Identity Security Insights. Changes made here are reverted on the next deploy.";

/**
 * Everything the guide's Azure installation script creates: an app registration and
 * service principal with the catalog's Graph and Office 365 application permissions,
 * admin consent for each, client secrets in two slots, and optionally Reader on the
 * tenant root management group.
 */
export class InsightsEntraConnectorStack extends TerraformStack {
  readonly application: Application;
  readonly servicePrincipal: ServicePrincipal;
  readonly clientSecret: RotatingClientSecret;

  constructor(scope: Construct, name: string, props: InsightsEntraConnectorStackProps) {
    super(scope, name);
    const label = constructLabel("InsightsEntraConnectorStack", this.node.path);
    requireLiterals(label, props, Token.isUnresolved);
    const connector = catalogEntry(label, azureConnectorConfig, "azure", props);
    new AzureadProvider(this, "azuread", { tenantId: connector.tenantId });
    // No resource uses it now; it stays so stacks from before secret slots can destroy their old time_rotating.
    new TimeProvider(this, "time");

    const deployer = new DataAzureadClientConfig(this, "deployer");
    deployer.overrideLogicalId("deployer");
    const publishedAppIds = new DataAzureadApplicationPublishedAppIds(this, "published-app-ids");
    publishedAppIds.overrideLogicalId("published_app_ids");

    const permissionsByApi = azurePermissionsByApi(connector.permissionGroups as AzurePermissionGroup[]);
    const apis = [...permissionsByApi.keys()].map((api) => ({
      api,
      published: new PublishedApi(this, api, { publishedAppIds, api }),
      permissions: permissionsByApi.get(api) ?? [],
    }));

    this.application = new Application(this, "application", {
      displayName: connector.servicePrincipalName,
      signInAudience: "AzureADMyOrg",
      notes: MANAGED_BY_NOTE,
      owners: [deployer.objectId],
      requiredResourceAccess: apis.map(({ published, permissions }) => ({
        resourceAppId: published.clientId,
        resourceAccess: permissions.map((permission) => ({ id: published.appRoleId(permission), type: "Role" })),
      })),
    });
    this.application.overrideLogicalId("connector_application");

    this.servicePrincipal = new ServicePrincipal(this, "service-principal", {
      clientId: this.application.clientId,
      owners: [deployer.objectId],
      notes: MANAGED_BY_NOTE,
    });
    this.servicePrincipal.overrideLogicalId("connector_service_principal");

    for (const { api, published, permissions } of apis) {
      new AdminConsent(this, `${api}-consent`, {
        api: published,
        apiName: api,
        permissions,
        principalObjectId: this.servicePrincipal.objectId,
      });
    }

    this.clientSecret = new RotatingClientSecret(this, "client-secret", {
      applicationId: this.application.id,
      rotationDays: connector.secretRotationDays,
      displayName: ENTRA_SECRET_DISPLAY_NAME,
    });

    if (connector.azureResources) {
      new ManagementGroupReader(this, "management-group-reader", {
        tenantId: connector.tenantId,
        principalObjectId: this.servicePrincipal.objectId,
        subscriptionId: connector.subscriptionId,
      });
    }

    this.addOutputs(connector);
  }

  private addOutputs(connector: AzureConnectorConfig): void {
    new TerraformOutput(this, "tenant_id", {
      value: connector.tenantId,
      description: "Tenant ID for the Insights connector",
    });
    new TerraformOutput(this, "directory_name", {
      value: connector.directoryName ?? this.initialDomain(),
      description: "Directory Name for the Insights connector",
    });
    new TerraformOutput(this, "client_id", {
      value: this.application.clientId,
      description: "Client ID for the Insights connector",
    });
    new TerraformOutput(this, ENTRA_SECRET_OUTPUTS.secret, {
      value: this.clientSecret.value,
      sensitive: true,
      description:
        "Client Secret for the Insights connector, the newest generation (read with `terraform output -raw client_secret`)",
    });
    new TerraformOutput(this, ENTRA_SECRET_OUTPUTS.createdAt, {
      value: this.clientSecret.createdAt,
      description: "When the registered client secret became valid (its start_date; status counts its age from it)",
    });
    new TerraformOutput(this, ENTRA_SECRET_OUTPUTS.rotationDue, {
      value: this.clientSecret.rotationDueAt,
      description: "When up replaces the registered client secret (adds a new one, registers it, then deletes the old)",
    });
    new TerraformOutput(this, ENTRA_SECRET_OUTPUTS.generations, {
      value: this.clientSecret.generationsJson,
      description: "Client secret generations this apply kept, as JSON: the value of the variable of the same name",
    });
  }

  private initialDomain(): string {
    const domains = new DataAzureadDomains(this, "initial-domain", { onlyInitial: true });
    domains.overrideLogicalId("initial_domain");
    return domains.domains.get(0).domainName;
  }
}

/** The stack of one `azure` connector of a tenant file, named `name`: how the CDKTF app and `plan` build it. */
export const entraConnectorStack: CdktfStackFactory<AzureConnectorConfig> = (app, name, connector) =>
  new InsightsEntraConnectorStack(app, name, entraStackProps(connector));
