import { ApplicationPasswordA } from "@cdktf/provider-azuread/lib/application-password";
import { Rotating } from "@cdktf/provider-time/lib/rotating";
import { Fn } from "cdktf";
import { Construct } from "constructs";

/** Entra's longest client-secret lifetime the config allows, in days. */
const MAX_SECRET_DAYS = 730;
/** How long a secret stays valid after its rotation is due, so a late pipeline run never meets a dead secret. */
const GRACE_DAYS = 30;

export interface RotatingClientSecretProps {
  /** `azuread_application.id` of the app registration. */
  readonly applicationId: string;
  /** Days until a new secret replaces the current one. */
  readonly rotationDays: number;
  readonly displayName: string;
}

/**
 * A client secret that rotates by overlap: `time_rotating` marks when a new one is
 * due; the secret is replaced create-before-destroy, so the new secret exists before
 * the old one is deleted, and each secret stays valid for a grace period past its
 * rotation date in case no pipeline runs on the day.
 */
export class RotatingClientSecret extends Construct {
  readonly rotation: Rotating;
  readonly password: ApplicationPasswordA;
  /** Days a secret outlives its rotation date (shrinks when rotation is near Entra's limit). */
  readonly graceDays: number;

  constructor(scope: Construct, id: string, props: RotatingClientSecretProps) {
    super(scope, id);
    this.graceDays = Math.max(0, Math.min(GRACE_DAYS, MAX_SECRET_DAYS - props.rotationDays));
    this.rotation = new Rotating(this, "rotation", { rotationDays: props.rotationDays });
    this.rotation.overrideLogicalId("client_secret_rotation");
    this.password = new ApplicationPasswordA(this, "password", {
      applicationId: props.applicationId,
      displayName: props.displayName,
      endDate: Fn.timeadd(this.rotation.rotationRfc3339, `${this.graceDays * 24}h`),
      rotateWhenChanged: { rotation: this.rotation.id },
      lifecycle: { createBeforeDestroy: true },
    });
    this.password.overrideLogicalId("client_secret");
  }

  /** The secret value; only ever a sensitive output. */
  get value(): string {
    return this.password.value;
  }
}
