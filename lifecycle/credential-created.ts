import type { EngineName } from "../connectors/kind";
import type { StackOutputs } from "../register/outputs";

const DAY_MS = 24 * 60 * 60 * 1000;

/** The names of a config's fields that hold a number (a rotation period in days). */
export type NumberField<C> = { [F in keyof C]-?: C[F] extends number ? F : never }[keyof C] & string;

/**
 * Which outputs of a kind's stack carry its credential's times, declared by the kind's adapter
 * (kinds/): the creation time itself, or the time the rotation is due (a `time_rotating`'s
 * `rotation_rfc3339`), from which the creation follows by the period. `periodDays` names the
 * config field that sets the rotation period.
 */
export type RotationOutputs<C> = { readonly periodDays: NumberField<C> } & (
  { readonly createdAt: string; readonly dueAt?: never } | { readonly dueAt: string; readonly createdAt?: never }
);

/** A kind whose credential the toolkit does not rotate: no output carries its times. */
export const NOT_ROTATED = "not rotated";
export type NotRotated = typeof NOT_ROTATED;

/** How each engine's outputs were read, for the record's `source`. */
const OUTPUTS_READ_BY: Readonly<Record<EngineName, string>> = {
  "aws-cdk": "cdk deploy --outputs-file",
  cdktf: "terraform output",
  pulumi: "pulumi stack output",
  "github-app-manifest": "the GitHub App credentials file",
};

/** When the registered credential was created, by the engine's own outputs, and which output said so. */
export interface CredentialCreated {
  readonly createdAt: string;
  readonly source: string;
}

/** The rotation period the connector's config sets, by its kind's declared field; undefined when it does not rotate. */
export function rotationDays(config: object, rotation: RotationOutputs<any> | NotRotated): number | undefined {
  if (rotation === NOT_ROTATED) return undefined;
  const days = (config as Readonly<Record<string, unknown>>)[rotation.periodDays];
  return typeof days === "number" ? days : undefined;
}

/**
 * The creation time of the credential a deploy's outputs carry, for the record `status` reads:
 * the output the kind declares for it (GCP's key `valid_after`, the Okta key slot's
 * `createdAt`), or the declared rotation due time less the rotation period (Entra, PingOne).
 * Undefined when the outputs give none.
 */
export function credentialCreated(
  connector: { readonly config: object; readonly provisioning: { readonly engine: EngineName } },
  rotation: RotationOutputs<any> | NotRotated,
  outputs: StackOutputs | undefined,
): CredentialCreated | undefined {
  if (!outputs || rotation === NOT_ROTATED) return undefined;
  const readBy = OUTPUTS_READ_BY[connector.provisioning.engine];
  if (rotation.createdAt !== undefined) {
    const time = new Date(outputs[rotation.createdAt] ?? "");
    if (Number.isNaN(time.getTime())) return undefined;
    return { createdAt: time.toISOString(), source: `${readBy} ${rotation.createdAt}` };
  }
  const due = new Date(outputs[rotation.dueAt] ?? "");
  const days = rotationDays(connector.config, rotation);
  if (Number.isNaN(due.getTime()) || days === undefined) return undefined;
  const createdAt = new Date(due.getTime() - days * DAY_MS).toISOString();
  return { createdAt, source: `${readBy} ${rotation.dueAt} less ${days} days` };
}
