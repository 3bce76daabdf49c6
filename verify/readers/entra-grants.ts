import type { GrantKind } from "../../connectors/grant";
import { entraAppRoleAccess } from "../../review/access/entra-app-role";
import type { ExtractedGrant } from "../../plan/extracted-grant";
import type { Drift } from "../reading";

/**
 * The APIs the catalog grants app roles of, by published app ID (hashicorp/go-azure-sdk,
 * sdk/environments/constants.go, commit ff89da74e80ea211021f0552e63d7aca4c7087cf:
 * microsoftGraphAppId, office365ManagementAppId), the IDs the stack's
 * `azuread_application_published_app_ids` lookup resolves `MicrosoftGraph` and `Office365Management` to.
 */
export const APP_ROLE_KINDS: Readonly<Record<string, GrantKind>> = {
  "00000003-0000-0000-c000-000000000000": "graph-app-role",
  "c5393580-f805-4401-95e8-94b7a6ef2fc2": "office365-app-role",
};

/** A resource service principal as Graph returns it: the API whose app roles are granted. */
export interface ResourcePrincipal {
  id: string;
  appId: string;
  displayName: string;
  appRoles?: { id: string; value?: string | null }[];
}

/** One granted (or requested) application permission, resolved to its name. */
export interface ResolvedRole {
  resource: ResourcePrincipal;
  appRoleId: string;
}

/** The permission's value (`User.Read.All`), or its ID when the resource does not publish it. */
export function roleName({ resource, appRoleId }: ResolvedRole): string {
  return resource.appRoles?.find((role) => role.id === appRoleId)?.value || `(unpublished role ${appRoleId})`;
}

/**
 * Granted app roles in the catalog's vocabulary; a role of an API the catalog never grants
 * (Exchange, SharePoint, …) cannot be a catalog grant, so it is an `extra` drift line.
 * Access comes from the shared classifier: an unknown or write permission is never read.
 */
export function grantedRoles(roles: readonly ResolvedRole[], scope: string, where: string) {
  const grants: ExtractedGrant[] = [];
  const drift: Drift[] = [];
  for (const role of roles) {
    const name = roleName(role);
    const kind = APP_ROLE_KINDS[role.resource.appId];
    if (kind) {
      grants.push({ source: "azure", scope, kind, name, access: entraAppRoleAccess(name), artifact: where });
    } else {
      drift.push({
        change: "extra",
        subject: `app role ${name} of ${role.resource.displayName} (${role.resource.appId}) @ ${scope}`,
        access: entraAppRoleAccess(name),
        where,
      });
    }
  }
  return { grants, drift };
}

/** Requested application permissions that hold no admin consent: the connector asks for them but cannot use them. */
export function requestedNotGranted(
  requested: readonly ResolvedRole[],
  granted: readonly ResolvedRole[],
  scope: string,
  where: string,
): Drift[] {
  const grantedKeys = new Set(granted.map((role) => `${role.resource.appId}|${role.appRoleId}`));
  return requested
    .filter((role) => !grantedKeys.has(`${role.resource.appId}|${role.appRoleId}`))
    .map((role) => ({
      change: "pending update" as const,
      subject: `${APP_ROLE_KINDS[role.resource.appId] ?? `app role of ${role.resource.displayName}`} ${roleName(
        role,
      )} @ ${scope}`,
      detail: "requested, admin consent not granted",
      where,
    }));
}

export interface PasswordCredential {
  keyId?: string | null;
  displayName?: string | null;
  startDateTime?: string | null;
  endDateTime?: string | null;
}

const DAY_MS = 24 * 60 * 60 * 1000;
/** Clock skew and the minutes between Terraform computing a date and Entra storing it. */
const TOLERANCE_DAYS = 1;

/**
 * Client secrets against the catalog's lifetime (rotation plus grace): one that lives longer
 * than that, or is older than that, is a credential the rotation no longer governs.
 */
export function secretDrift(
  secrets: readonly PasswordCredential[],
  lifetimeDays: number,
  now: Date,
  where: string,
): Drift[] {
  const drift: Drift[] = [];
  for (const secret of secrets) {
    const label = `client secret ${secret.displayName || secret.keyId || "(unnamed)"}`;
    const start = Date.parse(secret.startDateTime ?? "");
    const end = Date.parse(secret.endDateTime ?? "");
    if (Number.isNaN(end)) {
      drift.push({ change: "credential too old", subject: label, detail: "never expires", where });
      continue;
    }
    const validDays = Number.isNaN(start) ? Infinity : Math.round((end - start) / DAY_MS);
    const ageDays = Number.isNaN(start) ? Infinity : Math.floor((now.getTime() - start) / DAY_MS);
    if (validDays > lifetimeDays + TOLERANCE_DAYS) {
      drift.push({
        change: "credential too old",
        subject: label,
        detail: `valid ${validDays} days until ${secret.endDateTime}, catalog allows ${lifetimeDays}`,
        where,
      });
    } else if (ageDays > lifetimeDays + TOLERANCE_DAYS) {
      drift.push({
        change: "credential too old",
        subject: label,
        detail: `created ${ageDays} days ago, catalog allows ${lifetimeDays}`,
        where,
      });
    }
  }
  return drift;
}
