import { TimeProvider } from "@cdktf/provider-time/lib/provider";
import { Rotating } from "@cdktf/provider-time/lib/rotating";
import { Fn, TerraformOutput, TerraformStack, Token } from "cdktf";
import type { Construct } from "constructs";
import {
  pingoneAuthDomain,
  pingoneConnectorConfig,
  type PingOneConnectorConfig,
  type PingOneRegion,
} from "../../connectors/pingone/config";
import { pingoneGrants } from "../../connectors/pingone/grants";
import {
  ApplicationRoleAssignment,
  ApplicationSecret,
  DataPingoneRole,
  PingoneProvider,
  WorkerApplication,
} from "../../providers/pingone";
import { catalogEntry, constructLabel, entrySettings, requireLiterals } from "../construct-props";
import type { CdktfStackFactory } from "../stack-factory";
import { terraformName } from "../terraform/logical-id";

/** Properties of {@link InsightsPingOneConnectorStack}; checked and defaulted as a tenant file's `pingone` entry. */
export interface InsightsPingOneConnectorStackProps {
  /** The PingOne environment ID, a GUID. */
  readonly environmentId: string;
  /** The environment's region: `NA`, `EU`, `CA` or `AP`. */
  readonly region: PingOneRegion;
  /**
   * Name of the worker application.
   * @default "BT Insights - Connector"
   */
  readonly appName?: string;
  /**
   * Days until the client secret is regenerated (7 or more), by the apply after it is due.
   * @default 90
   */
  readonly secretRotationDays?: number;
  /**
   * Days the replaced secret keeps working after a rotation (1 to 30); it stops then, whatever
   * Insights reports, so it must outlast the register and first check that follow the apply.
   * @default 7
   */
  readonly previousSecretGraceDays?: number;
  /**
   * Built-in "Read Only" roles to assign; each one a worker app can hold.
   * @default - the catalog's default roles
   */
  readonly roles?: readonly string[];
}

/** A tenant file's `pingone` entry as the stack's props. */
export function pingoneStackProps(connector: PingOneConnectorConfig): InsightsPingOneConnectorStackProps {
  return entrySettings(connector);
}

/**
 * The guide's "Create a PingOne Application": an enabled worker app using client
 * credentials, and the catalog's built-in "Read Only" roles assigned to it, scoped to
 * the environment, each looked up by name.
 */
export class InsightsPingOneConnectorStack extends TerraformStack {
  readonly application: WorkerApplication;
  readonly roleAssignments: ApplicationRoleAssignment[];

  constructor(scope: Construct, name: string, props: InsightsPingOneConnectorStackProps) {
    super(scope, name);
    const label = constructLabel("InsightsPingOneConnectorStack", this.node.path);
    requireLiterals(label, props, Token.isUnresolved);
    const connector = catalogEntry(label, pingoneConnectorConfig, "pingone", props);
    const environmentId = connector.environmentId.toLowerCase();
    new PingoneProvider(this, "pingone", { regionCode: connector.region });
    new TimeProvider(this, "time");

    this.application = new WorkerApplication(this, "application", {
      environmentId,
      name: connector.appName,
      description: "BeyondTrust Identity Security Insights (managed by insights-connectors)",
      enabled: true,
      tokenEndpointAuthMethod: "CLIENT_SECRET_BASIC",
    });
    this.application.overrideLogicalId("connector_application");

    // The roles come from the catalog's grants, so the stack cannot grant what plan does not show.
    this.roleAssignments = pingoneGrants(connector).map(({ name: roleName }) => {
      const role = new DataPingoneRole(this, `role-${roleName}`, { name: roleName });
      role.overrideLogicalId(terraformName("role", roleName));
      const assignment = new ApplicationRoleAssignment(this, `assign-${roleName}`, {
        environmentId,
        applicationId: this.application.applicationId,
        roleId: role.roleId,
        scopeEnvironmentId: environmentId,
      });
      assignment.overrideLogicalId(terraformName("assign", roleName));
      return assignment;
    });

    // As the provider's own worker-app example does: a time_rotating timestamp regenerates the secret.
    const rotation = new Rotating(this, "secret-rotation", { rotationDays: connector.secretRotationDays });
    rotation.overrideLogicalId("client_secret_rotation");
    const secret = new ApplicationSecret(this, "secret", {
      environmentId,
      applicationId: this.application.applicationId,
      regenerateTriggerValues: { rotation_rfc3339: rotation.rotationRfc3339 },
      // Insights holds the old secret until `register` runs: it stays valid for the grace period (and no longer),
      // counted from the rotation that replaced it (`rfc3339` is when the rotation period began).
      previousExpiresAt: Fn.timeadd(rotation.rfc3339, `${connector.previousSecretGraceDays * 24}h`),
      // The provider's Update calls the same API as Create, which regenerates the secret
      // (internal/service/sso/resource_application_secret.go, commit cef5208): a `previous` that
      // drifts once the grace has passed must not trigger that. A replacement (the rotation)
      // still sends the configured `previous`, as Terraform plans a replacement from the full
      // config (hashicorp/terraform internal/terraform/node_resource_abstract_instance.go, 883c722).
      lifecycle: { ignoreChanges: ["previous"] },
    });
    secret.overrideLogicalId("connector_application_secret");

    new TerraformOutput(this, "client_id", {
      value: this.application.applicationId,
      description: "Client ID for the Insights connector",
    });
    new TerraformOutput(this, "client_secret", {
      value: secret.secret,
      sensitive: true,
      description: "Client Secret for the Insights connector; read with `terraform output -raw client_secret`",
    });
    new TerraformOutput(this, "environment_id", {
      value: environmentId,
      description: "Environment ID for the Insights connector",
    });
    new TerraformOutput(this, "region", { value: connector.region });
    new TerraformOutput(this, "client_secret_rotation_due", {
      value: rotation.rotationRfc3339,
      description: "When the next apply regenerates the client secret",
    });
    new TerraformOutput(this, "auth_domain", {
      value: pingoneAuthDomain(connector.region),
      description: "Where the worker app gets its tokens",
    });
  }
}

/** The stack of one `pingone` connector of a tenant file, named `name`: how the CDKTF app and `plan` build it. */
export const pingoneConnectorStack: CdktfStackFactory<PingOneConnectorConfig> = (app, name, connector) =>
  new InsightsPingOneConnectorStack(app, name, pingoneStackProps(connector));
