import type { ConnectorKind } from "../kind";
import { oktaConnectorConfig, type OktaConnectorConfig } from "./config";
import { oktaGrants } from "./grants";
import { oktaPlannedRegistration, oktaRegistration } from "./registration";

export const okta: ConnectorKind<OktaConnectorConfig, "pulumi"> = {
  kind: "okta",
  title: "Okta",
  guideSection: "Connect Identity Security Insights to Okta",
  provisioning: {
    mode: "stack",
    engine: "pulumi",
    stack: "stacks/okta",
    summary:
      "API Services app (client credentials, private key JWT, DPoP off), read scopes, custom IAM read role + resource set, Read-only Administrator",
  },
  config: oktaConnectorConfig,
  registration: oktaRegistration,
  plannedRegistration: oktaPlannedRegistration,
  grants: oktaGrants,
  // The PEM key signs the client assertion posted to the org's token endpoint; the provider (README, Okta:
  // OKTA_API_TOKEN) and verify (verify/readers/okta-client.ts: OKTA_CLIENT_TOKEN) send their tokens to the org.
  secretHosts: (c) => {
    const org = { host: c.domain.toLowerCase(), field: "domain" };
    return {
      source: [{ ...org, by: "Insights" }],
      operator: [
        {
          credential: "Okta API token (Pulumi okta provider)",
          env: "OKTA_API_TOKEN",
          hosts: [{ ...org, by: "deploy" }],
        },
        { credential: "Okta API token (verify)", env: "OKTA_CLIENT_TOKEN", hosts: [{ ...org, by: "verify" }] },
      ],
    };
  },
  credentialRotation: { credential: "Okta key", by: "key-slots" },
};
