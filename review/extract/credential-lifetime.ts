import type { CredentialLifetime } from "../../plan/model";
import type { TerraformJson } from "./terraform-json";
import { InternalError } from "../../values/errors";

/** Thrown when a credential's lifetime cannot be read from the synthesized artifact: the plan must not guess it. */
export class CredentialLifetimeError extends InternalError {}

/** `${timeadd(time_rotating.<name>.<attribute>, "<hours>h")}`, as cdktf writes `Fn.timeadd`. */
const TIMEADD = /^\$\{timeadd\(time_rotating\.(\w+)\.(rfc3339|rotation_rfc3339), "(\d+)h"\)\}$/;
/** A reference to one of a `time_rotating`'s attributes. */
const ROTATING_REF = /^\$\{time_rotating\.(\w+)\.(id|rfc3339|rotation_rfc3339)\}$/;

/** Rotation period of each `time_rotating`, by name; any unit but days is refused rather than guessed. */
function rotations(json: TerraformJson, artifact: string): Map<string, number> {
  const found = new Map<string, number>();
  for (const [name, rotating] of Object.entries(json.resource?.time_rotating ?? {})) {
    if (typeof rotating.rotation_days !== "number") {
      throw new CredentialLifetimeError(
        `${artifact} time_rotating.${name}: only rotation_days is read (found ${Object.keys(rotating).join(", ")})`,
      );
    }
    found.set(name, rotating.rotation_days);
  }
  return found;
}

/** The rotation a trigger map or value refers to, if any. */
function rotationOf(values: unknown, periods: Map<string, number>): number | undefined {
  for (const value of Object.values((values as Record<string, string> | undefined) ?? {})) {
    const name = ROTATING_REF.exec(String(value))?.[1];
    if (name && periods.has(name)) return periods.get(name);
  }
  return undefined;
}

/** Days from the start of a rotation period that a `timeadd(time_rotating…)` time lies. */
function daysAfterRotationStart(expression: unknown, periods: Map<string, number>, where: string): number {
  const match = TIMEADD.exec(String(expression));
  if (!match || !periods.has(match[1]))
    throw new CredentialLifetimeError(`${where}: cannot read a lifetime from ${JSON.stringify(expression)}`);
  const [, name, attribute, hours] = match;
  // rotation_rfc3339 is the end of the period; rfc3339 its start.
  return (attribute === "rotation_rfc3339" ? periods.get(name)! : 0) + Number(hours) / 24;
}

/** `${timeadd(each.value.created_at, "<hours>h")}`: a secret per generation, valid for hours from its creation. */
const FROM_CREATION = /^\$\{timeadd\(each\.value\.created_at, "(\d+)h"\)\}$/;

/**
 * Entra client secrets (`azuread_application_password`): valid until `end_date`. One per generation
 * (`for_each`) with its period in a local named `<secret>_rotation_days` rotates by two slots: the
 * old secret leaves only after Insights reports the new one Connected. One replaced through
 * `rotate_when_changed` (stacks before slots) is deleted create-before-destroy in the same apply.
 */
function entraSecrets(json: TerraformJson, periods: Map<string, number>, artifact: string): CredentialLifetime[] {
  return Object.entries(json.resource?.azuread_application_password ?? {}).map(([name, password]) => {
    const where = `${artifact} azuread_application_password.${name}`;
    if (password.end_date === undefined)
      throw new CredentialLifetimeError(`${where}: no end_date, so the provider's default lifetime would apply`);
    const slotDays = json.locals?.[`${name}_rotation_days`];
    const bySlots = password.for_each !== undefined && Number.isInteger(slotDays) && (slotDays as number) >= 1;
    if (bySlots) {
      const hours = FROM_CREATION.exec(String(password.end_date))?.[1];
      if (hours === undefined)
        throw new CredentialLifetimeError(`${where}: cannot read a lifetime from ${JSON.stringify(password.end_date)}`);
      return {
        credential: "Entra client secret",
        rotationDays: slotDays as number,
        validDays: Number(hours) / 24,
        previousValidDays: 0,
        previousUntilRegistered: true,
        artifact: where,
      };
    }
    const rotationDays = rotationOf(password.rotate_when_changed, periods);
    return {
      credential: "Entra client secret",
      ...(rotationDays === undefined ? {} : { rotationDays }),
      validDays: daysAfterRotationStart(password.end_date, periods, where),
      previousValidDays: 0,
      artifact: where,
    };
  });
}

/**
 * PingOne client secrets (`pingone_application_secret`): no expiry of their own; a regeneration
 * ends the old one at once unless `previous.expires_at` keeps it valid.
 */
function pingoneSecrets(json: TerraformJson, periods: Map<string, number>, artifact: string): CredentialLifetime[] {
  return Object.entries(json.resource?.pingone_application_secret ?? {}).map(([name, secret]) => {
    const where = `${artifact} pingone_application_secret.${name}`;
    const rotationDays = rotationOf(secret.regenerate_trigger_values, periods);
    const expiresAt = secret.previous?.expires_at;
    return {
      credential: "PingOne client secret",
      ...(rotationDays === undefined ? {} : { rotationDays }),
      previousValidDays: expiresAt === undefined ? 0 : daysAfterRotationStart(expiresAt, periods, where),
      artifact: where,
    };
  });
}

/**
 * GCP service account keys (`google_service_account_key`): no expiry set by Terraform. A key per
 * generation (`for_each`) whose period is a local named `<key>_rotation_days` rotates by overlap:
 * the old key leaves only after the new one is registered. A key replaced through `keepers` is
 * deleted at once in the same apply.
 */
function gcpKeys(json: TerraformJson, periods: Map<string, number>, artifact: string): CredentialLifetime[] {
  return Object.entries(json.resource?.google_service_account_key ?? {}).map(([name, key]) => {
    const slotDays = json.locals?.[`${name}_rotation_days`];
    const bySlots = key.for_each !== undefined && Number.isInteger(slotDays) && (slotDays as number) >= 1;
    const rotationDays = bySlots ? (slotDays as number) : rotationOf(key.keepers, periods);
    return {
      credential: "GCP service account key",
      ...(rotationDays === undefined ? {} : { rotationDays }),
      previousValidDays: 0,
      ...(bySlots ? { previousUntilRegistered: true } : {}),
      artifact: `${artifact} google_service_account_key.${name}`,
    };
  });
}

/** Every expiring credential a synthesized Terraform JSON creates, with its lifetime as deployed. */
export function terraformCredentialLifetimes(json: TerraformJson, artifact: string): CredentialLifetime[] {
  const periods = rotations(json, artifact);
  return [
    ...entraSecrets(json, periods, artifact),
    ...pingoneSecrets(json, periods, artifact),
    ...gcpKeys(json, periods, artifact),
  ];
}
