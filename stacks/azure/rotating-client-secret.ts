import { ApplicationPasswordA } from "@cdktf/provider-azuread/lib/application-password";
import { TerraformLocal, TerraformStack, TerraformVariable } from "cdktf";
import { Construct } from "constructs";
import {
  entraSecretGenerations,
  entraSecretSlotsFromGenerations,
  UNKNOWN_CREATION,
  type EntraSecretSlots,
} from "../../connectors/azure/secret-rotation";
import { secretLifetimeDays } from "../../connectors/azure/secret-lifetime";

export interface RotatingClientSecretProps {
  /** `azuread_application.id` of the app registration. */
  readonly applicationId: string;
  /** Days until `up` replaces a secret (it stays valid a grace period longer, connectors/azure/secret-lifetime.ts). */
  readonly rotationDays: number;
  readonly displayName: string;
}

/** The Terraform variable that lists the secret generations to keep, oldest first, each with its creation time. */
export const ENTRA_SECRET_GENERATIONS_VARIABLE = "client_secret_generations";
/** The `locals` entry that records the rotation period in the synthesized stack, for `plan`. */
export const SECRET_ROTATION_DAYS_LOCAL = "client_secret_rotation_days";
const PASSWORD_ADDRESS = "azuread_application_password.client_secret";
const GENERATIONS = `var.${ENTRA_SECRET_GENERATIONS_VARIABLE}`;
/** The newest secret: the one Insights must hold (`entraSecretToRegister`). */
const REGISTERED = `${PASSWORD_ADDRESS}[tostring(${GENERATIONS}[length(${GENERATIONS}) - 1].generation)]`;

/** The stack outputs `up` reads the slots back from (declared by {@link InsightsEntraConnectorStack}). */
export const ENTRA_SECRET_OUTPUTS = {
  generations: ENTRA_SECRET_GENERATIONS_VARIABLE,
  createdAt: "client_secret_created_at",
  rotationDue: "client_secret_rotation_due",
  secret: "client_secret",
} as const;

/**
 * The stack's Terraform variables for `slots`, by name (the engine passes each as `TF_VAR_<name>`; JSON
 * is valid HCL for a list of objects). Every plan, apply and destroy needs it: any valid value will
 * do for a destroy, which removes every secret in the state.
 */
export function entraSecretGenerationsVariables(slots: EntraSecretSlots): Record<string, string> {
  return { [ENTRA_SECRET_GENERATIONS_VARIABLE]: JSON.stringify(entraSecretGenerations(slots)) };
}

/**
 * The slots a deployed stack holds, from its outputs (as `terraform output -json` gives them, or
 * flattened to strings); undefined before the first apply. A stack from before secret slots has a
 * secret but no generations: its secret is generation 1 (the `moved` block), created one rotation
 * period before the due time its `time_rotating` recorded.
 */
export function entraSecretSlotsFromOutputs(
  outputs: Readonly<Record<string, unknown>>,
  rotationDays: number,
): EntraSecretSlots | undefined {
  const recorded = outputs[ENTRA_SECRET_OUTPUTS.generations];
  const createdAt = outputs[ENTRA_SECRET_OUTPUTS.createdAt];
  if (recorded === undefined) {
    if (outputs[ENTRA_SECRET_OUTPUTS.secret] === undefined) return undefined;
    const due = new Date(String(outputs[ENTRA_SECRET_OUTPUTS.rotationDue] ?? ""));
    const created = Number.isNaN(due.getTime())
      ? UNKNOWN_CREATION
      : new Date(due.getTime() - rotationDays * 24 * 60 * 60 * 1000).toISOString();
    return { current: { generation: 1, createdAt: created } };
  }
  const list = typeof recorded === "string" ? JSON.parse(recorded) : recorded;
  return entraSecretSlotsFromGenerations(list, typeof createdAt === "string" ? createdAt : undefined);
}

/**
 * The app's client secrets, one per generation in {@link ENTRA_SECRET_GENERATIONS_VARIABLE}
 * (`for_each`), so a rotation adds a secret beside the registered one instead of replacing it:
 * `up` adds generation n+1, registers it, and only once Insights reports it Connected applies
 * `[n+1]`, which deletes secret n. Each secret ends its lifetime (rotation plus grace) after its
 * creation, so a secret `up` never gets to replace still expires.
 */
export class RotatingClientSecret extends Construct {
  readonly passwords: ApplicationPasswordA;
  readonly generations: TerraformVariable;
  private readonly rotationDays: number;

  constructor(scope: Construct, id: string, props: RotatingClientSecretProps) {
    super(scope, id);
    this.rotationDays = props.rotationDays;
    this.generations = generationsVariable(this);
    const lifetimeHours = secretLifetimeDays(props.rotationDays) * 24;
    this.passwords = new ApplicationPasswordA(this, "password", {
      applicationId: props.applicationId,
      displayName: props.displayName,
      endDate: `\${timeadd(each.value.created_at, "${lifetimeHours}h")}`,
      // Stacks from before slots set `rotate_when_changed` and an `end_date` from a time_rotating, both
      // ForceNew (application_password_resource.go @ v3.7.0, schema: every argument ForceNew, no Update):
      // without this, the upgrade's first apply would replace the secret Insights holds. It only keeps
      // existing secrets as they are; a new generation is created with its configured end_date.
      lifecycle: { ignoreChanges: ["end_date", "rotate_when_changed"] },
    });
    this.passwords.overrideLogicalId("client_secret");
    this.passwords.addOverride("for_each", `\${{ for s in ${GENERATIONS} : tostring(s.generation) => s }}`);
    new TerraformLocal(this, "rotation-days", props.rotationDays).overrideLogicalId(SECRET_ROTATION_DAYS_LOCAL);
    // Stacks deployed before slots had one secret without a key: it is generation 1.
    TerraformStack.of(this).addOverride("moved", [{ from: PASSWORD_ADDRESS, to: `${PASSWORD_ADDRESS}["1"]` }]);
  }

  /** The newest secret's value, the one Insights holds; only ever a sensitive output. */
  get value(): string {
    return `\${${REGISTERED}.value}`;
  }

  /** When the registered secret became valid, as Entra reports it (`start_date`): its age counts from it. */
  get createdAt(): string {
    return `\${${REGISTERED}.start_date}`;
  }

  /** When `up` replaces the registered secret: its creation plus the rotation period. */
  get rotationDueAt(): string {
    return `\${timeadd(${REGISTERED}.start_date, "${this.rotationDays * 24}h")}`;
  }

  /** The generations as JSON text: an output that `terraform output -raw` prints ready to pass back as the variable. */
  get generationsJson(): string {
    return `\${jsonencode(${GENERATIONS})}`;
  }
}

/** Required, with no default: a default would delete a rotated secret on a run that forgot it. */
function generationsVariable(scope: Construct): TerraformVariable {
  const variable = new TerraformVariable(scope, ENTRA_SECRET_GENERATIONS_VARIABLE, {
    type: "list(object({ generation = number, created_at = string }))",
    nullable: false,
    description:
      "Client secret generations to keep, oldest first, each with its creation (RFC 3339): one, or two while a " +
      "rotation waits for Insights. up reads it back from the output of the same name; by hand, pass that value.",
    validation: [
      {
        condition: `\${length(${GENERATIONS}) >= 1 && length(${GENERATIONS}) <= 2}`,
        errorMessage: "Keep one secret, or two during a rotation.",
      },
      {
        condition: `\${alltrue([for s in ${GENERATIONS} : s.generation >= 1 && floor(s.generation) == s.generation])}`,
        errorMessage: "Each generation is a whole number from 1.",
      },
      {
        condition: `\${try(${GENERATIONS}[1].generation > ${GENERATIONS}[0].generation, true)}`,
        errorMessage: "The second generation must be the newer one.",
      },
      {
        condition: `\${alltrue([for s in ${GENERATIONS} : can(timeadd(s.created_at, "0h"))])}`,
        errorMessage: "Each created_at is an RFC 3339 time, e.g. 2026-01-01T00:00:00Z.",
      },
    ],
  });
  variable.overrideLogicalId(ENTRA_SECRET_GENERATIONS_VARIABLE);
  return variable;
}
