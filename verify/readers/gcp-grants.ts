import type { GcpConnectorConfig } from "../../connectors/gcp/config";
import { keyRotation } from "../../connectors/common/credential-rotation";
import type { ExtractedGrant } from "../../plan/extracted-grant";
import { gcpApiAccess } from "../../review/access/gcp-api";
import { gcpIamRoleAccess } from "../../review/access/gcp-iam-role";
import type { Drift } from "../reading";

/** Days a key may outlive its rotation: the scheduled apply that replaces it may run a little late. */
export const KEY_ROTATION_GRACE_DAYS = 2;

/** Shapes of the answers read (discovery documents cited in test/fakes/gcp.ts). */
export interface IamPolicy {
  bindings?: { role?: string; members?: string[]; condition?: { expression?: string; title?: string } }[];
}
export interface ServiceUsageService {
  name?: string;
  config?: { name?: string };
  state?: string;
}
export interface ServiceAccountKey {
  name?: string;
  validAfterTime?: string;
  disabled?: boolean;
  /** GOOGLE_PROVIDED (made by Google, as the stack's key is) or USER_PROVIDED (a public key uploaded). */
  keyOrigin?: string;
}

/** The connector's service account as an IAM policy member. */
export function serviceAccountEmail(config: Pick<GcpConnectorConfig, "serviceAccountId" | "project">): string {
  return `${config.serviceAccountId}@${config.project.id}.iam.gserviceaccount.com`;
}

/** Every role of the organization policy bound to the service account, as catalog grants. */
export function organizationRoleGrants(policy: IamPolicy, email: string, organizationId: string): ExtractedGrant[] {
  const member = `serviceAccount:${email}`.toLowerCase();
  return (policy.bindings ?? [])
    .filter((b) => typeof b.role === "string" && (b.members ?? []).some((m) => m.toLowerCase() === member))
    .map((b) => ({
      source: "gcp",
      scope: `gcp-organization:${organizationId}`,
      kind: "gcp-iam-role" as const,
      name: b.role!,
      access: gcpIamRoleAccess(b.role!),
      ...(b.condition?.expression ? { condition: b.condition.expression } : {}),
      artifact: `organizations/${organizationId} IAM policy`,
    }));
}

/**
 * The enabled services of one project that the catalog enables there, as catalog grants (so a
 * missing one is drift); the name is `config.name`, else the last path segment of `name`. Every
 * other enabled service is only counted: the connector neither enabled nor needs it, and Google
 * itself enables about twenty on every project made in the console or with gcloud ("Services
 * enabled by default", VENDOR_DOCS.gcpServicesEnabledByDefault), so it is no drift.
 */
export function enabledApiGrants(
  services: readonly ServiceUsageService[],
  projectId: string,
  catalogApis: readonly string[],
): { grants: ExtractedGrant[]; others: string[] } {
  const enabled = services
    .filter((s) => s.state === undefined || s.state === "ENABLED")
    .map((s) => s.config?.name ?? s.name?.split("/").pop() ?? "")
    .filter((name) => name);
  const grants = enabled
    .filter((name) => catalogApis.includes(name))
    .map((name) => ({
      source: "gcp",
      scope: `gcp-project:${projectId}`,
      kind: "gcp-api" as const,
      name,
      access: gcpApiAccess(name),
      artifact: `projects/${projectId} enabled services`,
    }));
  return { grants, others: enabled.filter((name) => !catalogApis.includes(name)).sort() };
}

/** Drift of the user-managed keys: none enabled, or one older than the rotation plus the grace. */
export function keyDrift(
  keys: readonly ServiceAccountKey[],
  config: Pick<GcpConnectorConfig, "keyRotationDays" | "serviceAccountId" | "project">,
  now: Date,
): Drift[] {
  const where = "GET …/serviceAccounts/{sa}/keys?keyTypes=USER_MANAGED";
  const subject = (id: string) => `service account key ${id} of ${serviceAccountEmail(config)}`;
  const enabled = keys.filter((k) => !k.disabled);
  if (enabled.length === 0) return [{ change: "missing", subject: subject("(none enabled)"), where }];
  const limitDays = config.keyRotationDays + KEY_ROTATION_GRACE_DAYS;
  return enabled.flatMap((key) => {
    const id = key.name?.split("/").pop() ?? "?";
    const created = new Date(key.validAfterTime ?? "");
    if (Number.isNaN(created.getTime())) {
      return [{ change: "credential too old" as const, subject: subject(id), detail: "no valid creation time", where }];
    }
    const { ageDays } = keyRotation(created, config, now);
    if (ageDays <= limitDays) return [];
    const rotation = `rotation every ${config.keyRotationDays} days (+${KEY_ROTATION_GRACE_DAYS} grace)`;
    const detail = `${ageDays} days old, ${rotation}`;
    return [{ change: "credential too old" as const, subject: subject(id), detail, where }];
  });
}
