import type { ConnectorKind } from "../kind";
import { pingoneAuthDomain, pingoneConnectorConfig, type PingOneConnectorConfig } from "./config";
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
  // The worker app's secret buys tokens at `auth.pingone.<tld>/<environmentId>/as/token`; the provider and
  // verify send the operator's worker secret to the region's auth host (verify/readers/pingone-api.ts).
  secretHosts: (c) => {
    const auth = pingoneAuthDomain(c.region);
    const operator = (by: string) => ({ host: auth, by, field: "region" });
    return {
      source: [{ host: `${auth}/${c.environmentId.toLowerCase()}`, by: "Insights", field: "environmentId" }],
      operator: [
        {
          credential: "PingOne worker secret",
          env: "PINGONE_CLIENT_SECRET",
          hosts: [operator("deploy"), operator("verify")],
        },
      ],
    };
  },
  credentialRotation: { credential: "PingOne client secret", by: "apply" },
};
