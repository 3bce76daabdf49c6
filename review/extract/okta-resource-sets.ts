import type { OktaConnectorConfig } from "../../connectors/okta/config";
import { OKTA_IAM_RESOURCES_LABEL, oktaIamResourcesOrn } from "../../connectors/okta/grants";
import type { ExtractedGrant } from "../../plan/extracted-grant";
import { declaredAt, oktaOrgScope, PLAN_ORG_ID, type DeclaredResource } from "./okta-program";

/** Okta: the resources of the resource set the custom role is bound to (`okta.ResourceSet`). */
export function oktaResourceSetGrants(
  resources: readonly DeclaredResource[],
  connector: OktaConnectorConfig,
  artifact: string,
): ExtractedGrant[] {
  // The catalog's "All Identity and Access Management resources", when the config names no resources.
  const defaultOrn = connector.resourceSetResources ? undefined : oktaIamResourcesOrn(connector.domain, PLAN_ORG_ID);
  return resources
    .filter((r) => r.type === "okta:index/resourceSet:ResourceSet")
    .flatMap((r) =>
      [...(r.inputs.resourcesOrns ?? []), ...(r.inputs.resources ?? [])].map((resource: string) => ({
        source: "okta",
        scope: oktaOrgScope(connector),
        kind: "okta-resource-set" as const,
        // Only the exact ORN the catalog declares is the guide's label; any other string stays itself.
        name: resource === defaultOrn ? OKTA_IAM_RESOURCES_LABEL : resource,
        access: "read" as const,
        artifact: declaredAt(artifact, r),
      })),
    );
}
