import type { OktaConnectorConfig } from "../../connectors/okta/config";
import { OKTA_IAM_RESOURCES_LABEL, oktaIamResourcesOrn } from "../../connectors/okta/grants";
import { oktaAdminRoleAccess } from "../access/okta-admin-role";
import { oktaRolePermissionAccess } from "../access/okta-role-permission";
import { oktaScopeAccess } from "../access/okta-scope";
import type { ExtractedGrant } from "../../plan/extracted-grant";

/** A resource the Okta program declared, as Pulumi's mock engine saw it. */
export interface DeclaredResource {
  readonly type: string;
  readonly name: string;
  readonly inputs: Record<string, any>;
}

/** The org ID the mock engine hands the program's `getOrgMetadata` call during a plan. */
export const PLAN_ORG_ID = "00oPLANPLACEHOLDER";

/** Okta: scopes, the custom role's permissions, the resource set's resources and admin role assignments. */
export function oktaProgramGrants(resources: readonly DeclaredResource[], connector: OktaConnectorConfig, artifact: string): ExtractedGrant[] {
  const scope = `okta-org:${connector.domain.toLowerCase()}`;
  const grants: ExtractedGrant[] = [];
  const at = (r: DeclaredResource) => `${artifact} ${r.type}::${r.name}`;
  // The catalog's "All Identity and Access Management resources", when the config names no resources.
  const defaultOrn = connector.resourceSetResources ? undefined : oktaIamResourcesOrn(connector.domain, PLAN_ORG_ID);
  for (const r of resources) {
    if (r.type === "okta:index/appOauthApiScope:AppOauthApiScope") {
      for (const name of r.inputs.scopes ?? []) grants.push({ source: "okta", scope, kind: "okta-scope", name, access: oktaScopeAccess(name), artifact: at(r) });
    }
    if (r.type === "okta:index/adminRoleCustom:AdminRoleCustom") {
      for (const name of r.inputs.permissions ?? []) grants.push({ source: "okta", scope, kind: "okta-role-permission", name, access: oktaRolePermissionAccess(name), artifact: at(r) });
    }
    if (r.type === "okta:index/resourceSet:ResourceSet") {
      for (const resource of [...(r.inputs.resourcesOrns ?? []), ...(r.inputs.resources ?? [])]) {
        // Only the exact ORN the catalog declares is the guide's label; any other string stays itself.
        const name = resource === defaultOrn ? OKTA_IAM_RESOURCES_LABEL : resource;
        grants.push({ source: "okta", scope, kind: "okta-resource-set", name, access: "read", artifact: at(r) });
      }
    }
    if (r.type === "okta:app/oauthRoleAssignment:OauthRoleAssignment" && r.inputs.type !== "CUSTOM") {
      grants.push({ source: "okta", scope, kind: "okta-admin-role", name: r.inputs.type, access: oktaAdminRoleAccess(r.inputs.type), artifact: at(r) });
    }
  }
  return grants;
}

/**
 * Runs the Okta program under Pulumi's mock engine (offline, no CLI, no plugin) and
 * returns what it declared. The mock hands out placeholder IDs and a fixed org ID.
 */
export async function declareOktaProgram(connector: OktaConnectorConfig, name: string): Promise<DeclaredResource[]> {
  const pulumi = await import("@pulumi/pulumi");
  const declared: DeclaredResource[] = [];
  pulumi.runtime.setMocks(
    {
      newResource: (args) => {
        declared.push({ type: args.type, name: args.name, inputs: args.inputs });
        return { id: `${args.name}-id`, state: { ...args.inputs, ...(args.type === "tls:index/privateKey:PrivateKey" ? { publicKeyPem: PLACEHOLDER_PUBLIC_KEY } : {}) } };
      },
      call: (args) => (args.token === "okta:index/getOrgMetadata:getOrgMetadata" ? { id: PLAN_ORG_ID } : {}),
    },
    "insights-connectors-okta",
    name,
    false,
  );
  const { declareOktaConnector } = await import("../../stacks/okta/program");
  const resources = declareOktaConnector(connector, name);
  const settled = (o: { apply(f: (v: unknown) => void): unknown }) => new Promise<void>((resolve) => void o.apply(() => resolve()));
  await Promise.all([resources.app, resources.scopes, resources.customRole, resources.resourceSet, ...resources.roleAssignments].map((r) => settled(r.urn)));
  await settled(resources.resourceSet.id);
  return declared;
}

/** A throwaway public key so the program's JWK conversion runs during a plan; never deployed. */
const PLACEHOLDER_PUBLIC_KEY = (() => {
  const { generateKeyPairSync } = require("node:crypto") as typeof import("node:crypto");
  return generateKeyPairSync("rsa", { modulusLength: 1024 }).publicKey.export({ type: "spki", format: "pem" }).toString();
})();
