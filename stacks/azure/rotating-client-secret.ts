import { ApplicationPasswordA } from "@cdktf/provider-azuread/lib/application-password";
import { Construct } from "constructs";
import { secretGraceDays } from "../../connectors/azure/secret-lifetime";
import { CredentialRotation } from "../terraform/credential-rotation";

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
  readonly rotation: CredentialRotation;
  readonly password: ApplicationPasswordA;
  /** Days a secret outlives its rotation date (shrinks when rotation is near Entra's limit). */
  readonly graceDays: number;

  constructor(scope: Construct, id: string, props: RotatingClientSecretProps) {
    super(scope, id);
    this.graceDays = secretGraceDays(props.rotationDays);
    this.rotation = new CredentialRotation(this, "rotation", {
      rotationDays: props.rotationDays,
      logicalId: "client_secret_rotation",
    });
    this.password = new ApplicationPasswordA(this, "password", {
      applicationId: props.applicationId,
      displayName: props.displayName,
      endDate: this.rotation.dueAtPlusDays(this.graceDays),
      rotateWhenChanged: this.rotation.trigger,
      lifecycle: CredentialRotation.LIFECYCLE,
    });
    this.password.overrideLogicalId("client_secret");
  }

  /** The secret value; only ever a sensitive output. */
  get value(): string {
    return this.password.value;
  }
}
