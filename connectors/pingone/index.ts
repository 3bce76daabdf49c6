import type { ConnectorKind } from "../kind";
import { PINGONE_PROPAGATION } from "./propagation";
import { pingoneConnectorConfig, type PingOneConnectorConfig } from "./config";
import { pingoneGrants } from "./grants";
import { pingonePlannedRegistration, pingoneRegistration } from "./registration";

export const pingone: ConnectorKind<PingOneConnectorConfig, "cdktf"> = {
  kind: "pingone",
  title: "PingOne",
  guideSection: "Connect Identity Security Insights to PingOne",
  provisioning: {
    mode: "stack",
    engine: "cdktf",
    stack: "stacks/pingone",
    summary:
      'worker application (client credentials), enabled, with the built-in "Read Only" roles a worker app can hold ' +
      "(PingOne cannot assign DaVinci Admin Read Only to a worker app)",
  },
  config: pingoneConnectorConfig,
  registration: pingoneRegistration,
  plannedRegistration: pingonePlannedRegistration,
  grants: pingoneGrants,
  credentialRotation: { credential: "PingOne client secret", by: "apply" },
  propagation: PINGONE_PROPAGATION,
};
