import type { AccessLevel } from "../../connectors/grant";
import { ENTRA_SECRET_DISPLAY_NAME } from "../../connectors/azure/secret-lifetime";
import { entraAppRoleAccess } from "../../review/access/entra-app-role";
import { entraDirectoryRoleAccess, entraDirectoryRoleName } from "../../review/access/entra-directory-role";
import { printable } from "../../providers/text/printable";
import type { Drift } from "../reading";

/*
 * What can make the connector's Entra identity more powerful than its app roles, as Microsoft
 * Graph v1.0 returns it (microsoftgraph/msgraph-metadata, schemas/v1.0-Prod.csdl, commit
 * f54f11b60956ea7b185ca0447b2b80805836ec7b): unifiedRoleAssignment with its roleDefinition,
 * the owners (directoryObject), keyCredential, passwordCredential, federatedIdentityCredential
 * and oAuth2PermissionGrant. The catalog grants none of them but the stack's own client secret
 * and its one owner, so every other one is a surplus.
 */

/** unifiedRoleAssignment with `$expand=roleDefinition` (displayName, templateId, isBuiltIn). */
export interface DirectoryRoleAssignment {
  id?: string;
  directoryScopeId?: string | null;
  roleDefinition?: { displayName?: string | null; templateId?: string | null; isBuiltIn?: boolean | null } | null;
}

/**
 * Each directory role of the service principal: the catalog grants none. A built-in role is named
 * by its template ID's name (a custom role may reuse a built-in display name), a custom one as such.
 */
export function directoryRoleDrift(assignments: readonly DirectoryRoleAssignment[], scope: string, where: string) {
  return assignments.map((assignment): Drift => {
    const definition = assignment.roleDefinition ?? {};
    const builtIn = definition.isBuiltIn !== false ? entraDirectoryRoleName(definition.templateId ?? undefined) : "";
    const name = builtIn || `custom role ${printable(definition.displayName ?? definition.templateId ?? "?")}`;
    const at = printable(assignment.directoryScopeId ?? "/");
    return {
      change: "extra",
      subject: `entra-directory-role ${name} @ ${scope}${at === "/" ? "" : ` (directory scope ${at})`}`,
      access: builtIn ? entraDirectoryRoleAccess(definition.templateId ?? undefined) : "write",
      where,
    };
  });
}

/** A directoryObject owner: `@odata.type` says user, servicePrincipal, … */
export interface Owner {
  id: string;
  "@odata.type"?: string;
  displayName?: string | null;
}

const ownerLabel = (o: Owner) =>
  printable(
    `${(o["@odata.type"] ?? "#microsoft.graph.directoryObject").split(".").pop()} ${o.displayName ?? ""} (${o.id})`,
  )
    .replace(/ +\(/, " (")
    .trim();

/**
 * Owners may add credentials to what they own, so an owner can act as the connector: admin.
 * The stack sets exactly one owner on both objects, the identity that applied it
 * (`owners = [data.azuread_client_config.current.object_id]`): the one principal owning both
 * is taken for it; every other owner, or every owner when none or several own both, is drift.
 */
export function ownerDrift(applicationOwners: readonly Owner[], principalOwners: readonly Owner[], where: string) {
  const onPrincipal = new Set(principalOwners.map((o) => o.id));
  const common = applicationOwners.filter((o) => onPrincipal.has(o.id));
  const deployer = common.length === 1 ? common[0]!.id : undefined;
  const detail =
    deployer === undefined ? `the stack sets one owner, the identity that applied it; ${common.length} own both` : "";
  const drift = (owner: Owner, of: string): Drift => ({
    change: "extra",
    subject: `owner ${ownerLabel(owner)} of the ${of}`,
    access: "admin",
    ...(detail ? { detail } : {}),
    where,
  });
  return [
    ...applicationOwners.filter((o) => o.id !== deployer).map((o) => drift(o, "application")),
    ...principalOwners.filter((o) => o.id !== deployer).map((o) => drift(o, "service principal")),
  ];
}

export interface KeyCredential {
  keyId?: string | null;
  displayName?: string | null;
  type?: string | null;
  usage?: string | null;
  endDateTime?: string | null;
}
export interface NamedPasswordCredential {
  keyId?: string | null;
  displayName?: string | null;
  endDateTime?: string | null;
}
export interface FederatedCredential {
  name?: string;
  issuer?: string;
  subject?: string | null;
}

/** Every credential, of any type, lets its holder sign in as the app with all it may do: admin. */
const CREDENTIAL_ACCESS: AccessLevel = "admin";

/**
 * Credentials beside the stack's client secret: a certificate (keyCredential) or a secret on the
 * service principal, a certificate on the application, an application secret the stack did not
 * name, and every federated identity credential (a workload elsewhere that may sign in as the app).
 */
export function credentialDrift(
  found: {
    application: { keyCredentials: readonly KeyCredential[]; passwordCredentials: readonly NamedPasswordCredential[] };
    principal: { keyCredentials: readonly KeyCredential[]; passwordCredentials: readonly NamedPasswordCredential[] };
    federated: readonly FederatedCredential[];
  },
  where: { application: string; principal: string },
): Drift[] {
  const named = (c: { displayName?: string | null; keyId?: string | null }) =>
    printable(c.displayName || c.keyId || "(unnamed)");
  const until = (c: { endDateTime?: string | null }) => `valid until ${printable(c.endDateTime ?? "never")}`;
  const extra = (subject: string, detail: string, at: string): Drift => ({
    change: "extra",
    subject,
    access: CREDENTIAL_ACCESS,
    detail,
    where: at,
  });
  return [
    ...found.application.keyCredentials.map((c) =>
      extra(`certificate ${named(c)} of the application`, until(c), where.application),
    ),
    ...found.application.passwordCredentials
      .filter((c) => c.displayName !== ENTRA_SECRET_DISPLAY_NAME)
      .map((c) =>
        extra(
          `client secret ${named(c)} of the application`,
          `${until(c)}; the stack names its secrets "${ENTRA_SECRET_DISPLAY_NAME}"`,
          where.application,
        ),
      ),
    ...found.principal.keyCredentials.map((c) =>
      extra(`certificate ${named(c)} of the service principal`, until(c), where.principal),
    ),
    ...found.principal.passwordCredentials.map((c) =>
      extra(`client secret ${named(c)} of the service principal`, until(c), where.principal),
    ),
    ...found.federated.map((c) =>
      extra(
        `federated credential ${printable(c.name ?? "?")} of the application`,
        printable(`issuer ${c.issuer ?? "?"}, subject ${c.subject ?? "?"}`),
        `${where.application}, federatedIdentityCredentials`,
      ),
    ),
  ];
}

/** oAuth2PermissionGrant: delegated scopes of one resource, for everyone or one user. */
export interface DelegatedGrant {
  resourceId: string;
  consentType?: string | null;
  principalId?: string | null;
  scope?: string | null;
}

/**
 * Delegated permissions the connector's client holds: the catalog grants application permissions
 * only, so each scope is extra, at the level its name classifies it (`Directory.AccessAsUser.All`
 * is admin). `resourceName` names the API by its service principal's ID.
 */
export function delegatedGrantDrift(
  grants: readonly DelegatedGrant[],
  resourceName: (resourceId: string) => string,
  scope: string,
  where: string,
): Drift[] {
  return grants.flatMap((grant) => {
    const who = grant.consentType === "AllPrincipals" ? "all users" : `user ${printable(grant.principalId ?? "?")}`;
    return (grant.scope ?? "")
      .split(" ")
      .filter(Boolean)
      .map((permission): Drift => ({
        change: "extra",
        subject: `delegated ${printable(permission)} of ${resourceName(grant.resourceId)} @ ${scope}`,
        access: entraAppRoleAccess(permission),
        detail: `consented for ${who}`,
        where,
      }));
  });
}
