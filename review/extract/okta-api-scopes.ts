import type { OktaConnectorConfig } from "../../connectors/okta/config";
import type { ExtractedGrant } from "../../plan/extracted-grant";
import { oktaScopeAccess } from "../access/okta-scope";
import { listInputGrants, type DeclaredResource } from "./okta-program";

/** Okta: the API scopes granted to the service app (`okta.AppOauthApiScope`). */
export function oktaApiScopeGrants(
  resources: readonly DeclaredResource[],
  connector: OktaConnectorConfig,
  artifact: string,
): ExtractedGrant[] {
  const family = {
    type: "okta:index/appOauthApiScope:AppOauthApiScope",
    input: "scopes",
    kind: "okta-scope",
    access: oktaScopeAccess,
  } as const;
  return listInputGrants(family, resources, connector, artifact);
}
