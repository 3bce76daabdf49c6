import type { OktaConnectorConfig } from "../../connectors/okta/config";
import { OKTA_IAM_RESOURCES_LABEL, oktaPartition } from "../../connectors/okta/grants";
import { oktaAdminRoleAccess } from "../../review/access/okta-admin-role";
import { oktaRolePermissionAccess } from "../../review/access/okta-role-permission";
import { oktaScopeAccess } from "../../review/access/okta-scope";
import type { ExtractedGrant } from "../../plan/extracted-grant";
import { printable } from "../../providers/text/printable";

/** The grant fields every Okta grant of one connector shares. */
export function oktaGrantBase(connector: OktaConnectorConfig) {
  return { source: "okta", scope: `okta-org:${connector.domain.toLowerCase()}` } as const;
}

/** A scope consent grant as `GET /api/v1/apps/{appId}/grants` returns it (OAuth2ScopeConsentGrant). */
export interface ScopeGrant {
  readonly scopeId: string;
  readonly issuer?: string;
  readonly status?: string;
}

/**
 * Active scope grants as catalog grants. A revoked grant gives nothing; one against
 * another issuer than the org's authorization server keeps the issuer in its artifact.
 */
export function scopeGrants(
  connector: OktaConnectorConfig,
  grants: readonly ScopeGrant[],
  where: string,
): ExtractedGrant[] {
  const base = oktaGrantBase(connector);
  const orgIssuer = `https://${connector.domain.toLowerCase()}`;
  return grants
    .filter((g) => (g.status ?? "ACTIVE") === "ACTIVE")
    .map((g) => {
      const name = printable(g.scopeId);
      const issuer =
        g.issuer && g.issuer.replace(/\/$/, "").toLowerCase() !== orgIssuer ? `, issuer ${printable(g.issuer)}` : "";
      return { ...base, kind: "okta-scope", name, access: oktaScopeAccess(name), artifact: `${where}${issuer}` };
    });
}

/** A standard (non-custom) admin role assignment: its type is the grant's name. */
export function adminRoleGrant(connector: OktaConnectorConfig, type: string, where: string): ExtractedGrant {
  const name = printable(type);
  return {
    ...oktaGrantBase(connector),
    kind: "okta-admin-role",
    name,
    access: oktaAdminRoleAccess(name),
    artifact: where,
  };
}

/** The custom role's permissions (`label` is the permission, e.g. `okta.iam.read`). */
export function permissionGrants(
  connector: OktaConnectorConfig,
  labels: readonly string[],
  where: string,
): ExtractedGrant[] {
  return labels.map((label) => {
    const name = printable(label);
    return {
      ...oktaGrantBase(connector),
      kind: "okta-role-permission",
      name,
      access: oktaRolePermissionAccess(name),
      artifact: where,
    };
  });
}

/** A resource of the resource set: its ORN, and its REST URL (`_links.self.href`). */
export interface SetResource {
  readonly orn?: string;
  readonly href?: string;
}

/**
 * The catalog's name of a resource set entry: the REST URL when the config lists it that
 * way, the guide's label for the org's IAM container when the config lists nothing (the
 * ORN oktaIamResourcesOrn builds, for any org ID: the reader does not ask for the org's),
 * else the ORN as Okta returns it.
 */
export function resourceName(connector: OktaConnectorConfig, resource: SetResource): string {
  const configured = connector.resourceSetResources;
  if (resource.href && configured?.includes(resource.href)) return printable(resource.href);
  const orn = resource.orn ?? resource.href ?? "";
  const iamContainer = new RegExp(`^orn:${oktaPartition(connector.domain)}:iam:[A-Za-z0-9]+:contained_resources$`);
  if (!configured && iamContainer.test(orn)) return OKTA_IAM_RESOURCES_LABEL;
  return printable(orn);
}

/** Resource set entries as catalog grants: `read`, as the resource set only bounds the custom role. */
export function resourceGrants(
  connector: OktaConnectorConfig,
  resources: readonly SetResource[],
  where: string,
): ExtractedGrant[] {
  return resources.map((resource) => ({
    ...oktaGrantBase(connector),
    kind: "okta-resource-set",
    name: resourceName(connector, resource),
    access: "read",
    artifact: where,
  }));
}
