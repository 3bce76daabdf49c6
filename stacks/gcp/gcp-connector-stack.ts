import { GoogleProvider } from "@cdktf/provider-google/lib/provider";
import { TimeProvider } from "@cdktf/provider-time/lib/provider";
import { TerraformOutput, TerraformStack, Token } from "cdktf";
import type { Construct } from "constructs";
import { gcpConnectorConfig, type GcpConnectorConfig } from "../../connectors/gcp/config";
import { catalogEntry, constructLabel, entrySettings, requireLiterals } from "../construct-props";
import type { CdktfStackFactory } from "../stack-factory";
import { ConnectorProject } from "./connector-project";
import { ConnectorServiceAccount } from "./connector-service-account";
import { EnabledApis } from "./enabled-apis";

/** The project that holds the connector's service account. */
export interface InsightsGcpConnectorProjectProps {
  /** The project ID. */
  readonly id: string;
  /**
   * Create the project (`true`) or use an existing one.
   * @default false
   */
  readonly create?: boolean;
  /**
   * Display name of a created project (only with `create`).
   * @default - the project ID
   */
  readonly displayName?: string;
  /**
   * Billing account of a created project (only with `create`).
   * @default - none
   */
  readonly billingAccount?: string;
  /**
   * Folder to create the project in (only with `create`).
   * @default - the organization root
   */
  readonly folderId?: string;
}

/** Properties of {@link InsightsGcpConnectorStack}; checked and defaulted as a tenant file's `gcp` entry. */
export interface InsightsGcpConnectorStackProps {
  /** The numeric organization ID Insights reads. */
  readonly organizationId: string;
  /** The connector's own project. */
  readonly project: InsightsGcpConnectorProjectProps;
  /**
   * Where the required APIs are enabled: every project of the organization, the connector
   * project only, or a list of project IDs (plus the connector project).
   * @default "all-projects"
   */
  readonly enableApisOn?: "all-projects" | "connector-project" | readonly string[];
  /**
   * Account ID of the service account Insights signs in as.
   * @default "bt-insights-connector"
   */
  readonly serviceAccountId?: string;
  /**
   * Days until `up` replaces the service account key (7 to 365): the new key is added beside
   * the current one, registered, and the old one deleted once Insights reports it Connected.
   * @default 90
   */
  readonly keyRotationDays?: number;
}

/** A tenant file's `gcp` entry as the stack's props. */
export function gcpStackProps(connector: GcpConnectorConfig): InsightsGcpConnectorStackProps {
  return entrySettings(connector);
}

/**
 * The guide's "Manually Configure a Google Cloud Platform Connector" as one stack:
 * connector project, required APIs, service account with organization read roles,
 * and the JSON key Insights signs in with.
 */
export class InsightsGcpConnectorStack extends TerraformStack {
  readonly serviceAccount: ConnectorServiceAccount;

  constructor(scope: Construct, name: string, props: InsightsGcpConnectorStackProps) {
    super(scope, name);
    const label = constructLabel("InsightsGcpConnectorStack", this.node.path);
    requireLiterals(label, props, Token.isUnresolved);
    const connector = catalogEntry(label, gcpConnectorConfig, "gcp", props);
    // Credentials come from Application Default Credentials (`gcloud auth application-default login`).
    new GoogleProvider(this, "google", {});
    // No resource uses it now; it stays so stacks from before key slots can destroy their old time_rotating.
    new TimeProvider(this, "time");

    const project = new ConnectorProject(this, "connector-project", {
      project: connector.project,
      organizationId: connector.organizationId,
    });
    const apis = new EnabledApis(this, "apis", {
      organizationId: connector.organizationId,
      connectorProjectId: connector.project.id,
      connectorProjectRef: project.projectId,
      enableApisOn: connector.enableApisOn,
    });
    this.serviceAccount = new ConnectorServiceAccount(this, "service-account", {
      projectId: project.projectId,
      accountId: connector.serviceAccountId,
      organizationId: connector.organizationId,
      keyRotationDays: connector.keyRotationDays,
      dependsOn: apis.connectorProjectServices,
    });

    new TerraformOutput(this, "organization_id", {
      value: connector.organizationId,
      description: "Organization ID for the Insights connector",
    });
    new TerraformOutput(this, "service_account_email", { value: this.serviceAccount.account.email });
    new TerraformOutput(this, "service_account_key", {
      value: this.serviceAccount.keyJson,
      sensitive: true,
      description:
        "Service Account Key (JSON) for the Insights connector; read with `terraform output -raw service_account_key`",
    });
    new TerraformOutput(this, "service_account_key_created_at", {
      value: this.serviceAccount.keyCreatedAt,
      description: "When the registered key became valid (its creation; status counts the key's age from it)",
    });
    new TerraformOutput(this, "service_account_key_rotation_due", {
      value: this.serviceAccount.keyRotationDueAt,
      description: "When the registered key is due for rotation (up rotates it: add, register, then delete the old)",
    });
    new TerraformOutput(this, "service_account_key_generations", {
      value: this.serviceAccount.keyGenerationsJson,
      description: "Key generations this apply kept, oldest first, as JSON: the value of the variable of the same name",
    });
  }
}

/** The stack of one `gcp` connector of a tenant file, named `name`: how the CDKTF app and `plan` build it. */
export const gcpConnectorStack: CdktfStackFactory<GcpConnectorConfig> = (app, name, connector) =>
  new InsightsGcpConnectorStack(app, name, gcpStackProps(connector));
