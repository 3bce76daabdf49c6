import { OrganizationIamMember } from "@cdktf/provider-google/lib/organization-iam-member";
import { ServiceAccount } from "@cdktf/provider-google/lib/service-account";
import { ServiceAccountKey } from "@cdktf/provider-google/lib/service-account-key";
import { Fn, type ITerraformDependable } from "cdktf";
import { Construct } from "constructs";
import { GCP_ORGANIZATION_ROLES } from "../../connectors/gcp/grants";
import { CredentialRotation } from "../terraform/credential-rotation";
import { terraformName } from "../terraform/logical-id";

export interface ConnectorServiceAccountProps {
  readonly projectId: string;
  readonly accountId: string;
  readonly organizationId: string;
  /** Days until a new key replaces the current one. */
  readonly keyRotationDays: number;
  /** The IAM API must be on before the account can be created. */
  readonly dependsOn: ITerraformDependable[];
}

/**
 * "Create a Service Account", "Assign Service Account Roles" and "Generate a Key":
 * the account, its two organization read roles, and a JSON key. (The guide's Cloud
 * Shell key step repeats the role bindings; what it means is `gcloud iam
 * service-accounts keys create`, which this does.)
 */
export class ConnectorServiceAccount extends Construct {
  readonly account: ServiceAccount;
  readonly key: ServiceAccountKey;
  readonly keyRotation: CredentialRotation;

  constructor(scope: Construct, id: string, props: ConnectorServiceAccountProps) {
    super(scope, id);
    this.account = new ServiceAccount(this, "account", {
      project: props.projectId,
      accountId: props.accountId,
      displayName: "BeyondTrust Identity Security Insights",
      description: "Managed by insights-connectors: reads assets and IAM policy for Insights.",
      dependsOn: props.dependsOn,
    });
    this.account.overrideLogicalId("connector_service_account");
    for (const role of GCP_ORGANIZATION_ROLES) {
      const member = new OrganizationIamMember(this, role, {
        orgId: props.organizationId,
        role,
        member: this.account.member,
      });
      member.overrideLogicalId(terraformName("organization", role.replace(/^roles\//, "")));
    }
    this.keyRotation = new CredentialRotation(this, "key-rotation", {
      rotationDays: props.keyRotationDays,
      logicalId: "service_account_key_rotation",
    });
    // `keepers` is ForceNew: a new rotation period replaces the key, the new one created first. The
    // provider's Delete removes the old key at once (Keys.Delete; no expiry of its own, `valid_before`
    // is computed), so the old key dies in the same apply and register must follow it in the same step.
    // hashicorp/terraform-provider-google e03b7622a26cf4e878f90bdccaca6aa3d03a7999:
    // google/services/resourcemanager/resource_google_service_account_key.go (keepers ForceNew, Delete),
    // website/docs/r/google_service_account_key.html.markdown ("creating and regularly rotating a key").
    this.key = new ServiceAccountKey(this, "key", {
      serviceAccountId: this.account.name,
      keyAlgorithm: "KEY_ALG_RSA_2048",
      privateKeyType: "TYPE_GOOGLE_CREDENTIALS_FILE",
      keepers: this.keyRotation.trigger,
      lifecycle: CredentialRotation.LIFECYCLE,
    });
    this.key.overrideLogicalId("connector_service_account_key");
  }

  /** The key file Insights takes ("Service Account Key"); only ever a sensitive output. */
  get keyJson(): string {
    return Fn.base64decode(this.key.privateKey);
  }
}
