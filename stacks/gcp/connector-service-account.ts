import { OrganizationIamMember } from "@cdktf/provider-google/lib/organization-iam-member";
import { ServiceAccount } from "@cdktf/provider-google/lib/service-account";
import { ServiceAccountKey } from "@cdktf/provider-google/lib/service-account-key";
import { TerraformLocal, TerraformStack, TerraformVariable, type ITerraformDependable } from "cdktf";
import { Construct } from "constructs";
import { GCP_ORGANIZATION_ROLES } from "../../connectors/gcp/grants";
import { gcpKeyGenerations, gcpKeySlotsFromGenerations, type GcpKeySlots } from "../../connectors/gcp/key-rotation";
import { terraformName } from "../terraform/logical-id";

export interface ConnectorServiceAccountProps {
  readonly projectId: string;
  readonly accountId: string;
  readonly organizationId: string;
  /** Days until the key is due for rotation (reported as `rotationDueAt`; `up` rotates what is due). */
  readonly keyRotationDays: number;
  /** The IAM API must be on before the account can be created. */
  readonly dependsOn: ITerraformDependable[];
}

/** The Terraform variable that lists the key generations to keep, oldest first: `[n]`, or `[n, n+1]` mid-rotation. */
export const GCP_KEY_GENERATIONS_VARIABLE = "service_account_key_generations";
/** The `locals` entry that records the key's rotation period in the synthesized stack, for `plan`. */
export const KEY_ROTATION_DAYS_LOCAL = "connector_service_account_key_rotation_days";
const KEY_ADDRESS = "google_service_account_key.connector_service_account_key";
const GENERATIONS = `var.${GCP_KEY_GENERATIONS_VARIABLE}`;
/** The newest key: the one Insights must hold (`gcpKeyToRegister`). */
const REGISTERED_KEY = `${KEY_ADDRESS}[tostring(${GENERATIONS}[length(${GENERATIONS}) - 1])]`;

/**
 * The stack's Terraform variables for `slots`, by name (the engine passes each as `TF_VAR_<name>`;
 * a JSON list is a valid HCL list). Every plan, apply and destroy needs it: any valid list
 * will do for a destroy, which removes every key in the state.
 */
export function gcpKeyGenerationsVariables(slots: GcpKeySlots): Record<string, string> {
  return { [GCP_KEY_GENERATIONS_VARIABLE]: JSON.stringify(gcpKeyGenerations(slots)) };
}

/** The stack outputs `up` reads the slots back from (the stack declares them in gcp-connector-stack.ts). */
export const GCP_KEY_OUTPUTS = {
  generations: GCP_KEY_GENERATIONS_VARIABLE,
  createdAt: "service_account_key_created_at",
  key: "service_account_key",
} as const;

/**
 * The slots a deployed stack holds, from its outputs (as `terraform output -json` gives them, or flattened
 * to strings); undefined before the first apply. A stack from before key slots has a key but no
 * generations: its key is generation 1, as the `moved` block in the stack says.
 */
export function gcpKeySlotsFromOutputs(outputs: Readonly<Record<string, unknown>>): GcpKeySlots | undefined {
  const recorded = outputs[GCP_KEY_OUTPUTS.generations];
  const createdAt = outputs[GCP_KEY_OUTPUTS.createdAt];
  const createdText = typeof createdAt === "string" ? createdAt : undefined;
  if (recorded === undefined) {
    return outputs[GCP_KEY_OUTPUTS.key] === undefined ? undefined : gcpKeySlotsFromGenerations([1], createdText);
  }
  return gcpKeySlotsFromGenerations(typeof recorded === "string" ? jsonOrText(recorded) : recorded, createdText);
}

function jsonOrText(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/**
 * "Create a Service Account", "Assign Service Account Roles" and "Generate a Key":
 * the account, its two organization read roles, and its JSON keys. (The guide's Cloud
 * Shell key step repeats the role bindings; what it means is `gcloud iam
 * service-accounts keys create`, which this does.)
 */
export class ConnectorServiceAccount extends Construct {
  readonly account: ServiceAccount;
  /** One key per generation in {@link GCP_KEY_GENERATIONS_VARIABLE} (`for_each`). */
  readonly keys: ServiceAccountKey;
  readonly keyGenerations: TerraformVariable;
  private readonly keyRotationDays: number;

  constructor(scope: Construct, id: string, props: ConnectorServiceAccountProps) {
    super(scope, id);
    this.keyRotationDays = props.keyRotationDays;
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
    this.keyGenerations = keyGenerationsVariable(this);
    this.keys = new ServiceAccountKey(this, "key", {
      serviceAccountId: this.account.name,
      keyAlgorithm: "KEY_ALG_RSA_2048",
      privateKeyType: "TYPE_GOOGLE_CREDENTIALS_FILE",
      // Stacks applied from main 82895e9 to ddec3ca set `keepers = { rotation = time_rotating… }`, and
      // `keepers` is ForceNew (hashicorp/terraform-provider-google 160dc8274a1e94b77c7514fd748b45333ad27d7c,
      // google/services/resourcemanager/resource_google_service_account_key.go): dropping it would make
      // the upgrade's first apply replace the key Insights holds. Ignored, the old value stays in state.
      lifecycle: { ignoreChanges: ["keepers"] },
    });
    this.keys.overrideLogicalId("connector_service_account_key");
    // A key per generation, so a rotation adds a key instead of replacing one: the provider's Delete
    // calls Keys.Delete at once and has no expiry of its own (hashicorp/terraform-provider-google
    // e03b7622a26cf4e878f90bdccaca6aa3d03a7999, google/services/resourcemanager/
    // resource_google_service_account_key.go), so the old key goes only when its generation leaves the list.
    this.keys.addOverride("for_each", `\${toset([for g in ${GENERATIONS} : tostring(g)])}`);
    // No time_rotating decides the rotation any more (`up` does), so the period is recorded where plan reads it.
    new TerraformLocal(this, "rotation-days", props.keyRotationDays).overrideLogicalId(KEY_ROTATION_DAYS_LOCAL);
    // Stacks deployed before rotation had one key without a key: it is generation 1.
    TerraformStack.of(this).addOverride("moved", [{ from: KEY_ADDRESS, to: `${KEY_ADDRESS}["1"]` }]);
  }

  /** The key file Insights takes ("Service Account Key"), of the newest key; only ever a sensitive output. */
  get keyJson(): string {
    return `\${base64decode(${REGISTERED_KEY}.private_key)}`;
  }

  /**
   * The generations as JSON text (`[4,5]`): an output that `terraform output -raw` prints ready to pass
   * back as the variable, and that stays one string where outputs are read as strings.
   */
  get keyGenerationsJson(): string {
    return `\${jsonencode(${GENERATIONS})}`;
  }

  /** When the key to register became valid: its creation, from which `status` counts its age. */
  get keyCreatedAt(): string {
    return `\${${REGISTERED_KEY}.valid_after}`;
  }

  /** When that key is due for rotation: its creation plus `keyRotationDays`, as `rotationDueAt` counts. */
  get keyRotationDueAt(): string {
    return `\${timeadd(${REGISTERED_KEY}.valid_after, "${this.keyRotationDays * 24}h")}`;
  }
}

/** Required, with no default: a default generation would delete a rotated key on a run that forgot it. */
function keyGenerationsVariable(scope: Construct): TerraformVariable {
  const variable = new TerraformVariable(scope, GCP_KEY_GENERATIONS_VARIABLE, {
    type: "list(number)",
    nullable: false,
    description:
      "Service account key generations to keep, oldest first: [n], or [n, n+1] while a rotation waits for register. " +
      "up reads it back from the output of the same name; by hand, pass the output's value.",
    validation: [
      {
        condition: `\${length(${GENERATIONS}) >= 1 && length(${GENERATIONS}) <= 2}`,
        errorMessage: "Keep one key, or two during a rotation.",
      },
      {
        condition: `\${alltrue([for g in ${GENERATIONS} : g >= 1 && floor(g) == g])}`,
        errorMessage: "Each generation is a whole number from 1.",
      },
      {
        condition: `\${try(${GENERATIONS}[1] > ${GENERATIONS}[0], true)}`,
        errorMessage: "The second generation must be the newer one.",
      },
    ],
  });
  variable.overrideLogicalId(GCP_KEY_GENERATIONS_VARIABLE);
  return variable;
}
