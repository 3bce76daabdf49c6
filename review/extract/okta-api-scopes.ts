import type { OktaConnectorConfig } from "../../connectors/okta/config";
import type { ExtractedGrant } from "../../plan/extracted-grant";
import { oktaScopeAccess } from "../access/okta-scope";
import { declaredAt, oktaOrgScope, type DeclaredResource } from "./okta-program";

/** Okta: the API scopes granted to the service app (`okta.AppOauthApiScope`). */
export function oktaApiScopeGrants(
  resources: readonly DeclaredResource[],
  connector: OktaConnectorConfig,
  artifact: string,
): ExtractedGrant[] {
  return resources
    .filter((r) => r.type === "okta:index/appOauthApiScope:AppOauthApiScope")
    .flatMap((r) =>
      (r.inputs.scopes ?? []).map((name: string) => ({
        source: "okta",
        scope: oktaOrgScope(connector),
        kind: "okta-scope" as const,
        name,
        access: oktaScopeAccess(name),
        artifact: declaredAt(artifact, r),
      })),
    );
}
