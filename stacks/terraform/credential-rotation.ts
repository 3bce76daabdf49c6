import { Rotating } from "@cdktf/provider-time/lib/rotating";
import { Fn, type TerraformResourceLifecycle } from "cdktf";
import { Construct } from "constructs";

export interface CredentialRotationProps {
  /** Days until a new credential replaces the current one (`time_rotating.rotation_days`). */
  readonly rotationDays: number;
  /** Terraform name of the `time_rotating`, so plans and state keep a readable, stable address. */
  readonly logicalId: string;
}

/**
 * The schedule of a credential that rotates by overlap: a `time_rotating` whose `id`
 * changes when the rotation is due, to put in the credential's replace trigger
 * (`rotate_when_changed`, `keepers`), and the lifecycle that creates the new
 * credential before the old one is destroyed. The stack needs the `time` provider.
 */
export class CredentialRotation extends Construct {
  /** Create the replacement first, so an apply never leaves the account without a credential. */
  static readonly LIFECYCLE: TerraformResourceLifecycle = { createBeforeDestroy: true };

  readonly rotating: Rotating;

  constructor(scope: Construct, id: string, props: CredentialRotationProps) {
    super(scope, id);
    this.rotating = new Rotating(this, "rotating", { rotationDays: props.rotationDays });
    this.rotating.overrideLogicalId(props.logicalId);
  }

  /** Trigger values that change at each rotation: the credential is replaced when they do. */
  get trigger(): Record<string, string> {
    return { rotation: this.rotating.id };
  }

  /** When the rotation is due (the next apply after it replaces the credential). */
  get dueAt(): string {
    return this.rotating.rotationRfc3339;
  }

  /** A time `days` past the due date, for credentials that must outlive a late pipeline run. */
  dueAtPlusDays(days: number): string {
    return Fn.timeadd(this.rotating.rotationRfc3339, `${days * 24}h`);
  }
}
