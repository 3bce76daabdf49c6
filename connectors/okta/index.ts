import type { ConnectorKind } from "../kind";
import { OKTA_PROPAGATION } from "./propagation";
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
  credentialRotation: { credential: "Okta key", by: "key-slots" },
  propagation: OKTA_PROPAGATION,
};
