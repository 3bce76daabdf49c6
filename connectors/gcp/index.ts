import type { ConnectorKind } from "../kind";
import { gcpConnectorConfig, type GcpConnectorConfig } from "./config";
import { gcpGrants } from "./grants";
import { gcpNotices } from "./notices";
import { gcpPlannedRegistration, gcpRegistration } from "./registration";

export const gcp: ConnectorKind<GcpConnectorConfig, "cdktf"> = {
  kind: "gcp",
  title: "Google Cloud Platform",
  guideSection: "Connect Identity Security Insights to Google Cloud Platform",
  provisioning: {
    mode: "stack",
    engine: "cdktf",
    stack: "stacks/gcp",
    summary: "connector project, required APIs, service account with organization read roles, rotating JSON key",
  },
  config: gcpConnectorConfig,
  registration: gcpRegistration,
  plannedRegistration: gcpPlannedRegistration,
  grants: gcpGrants,
  // A key signs a JWT exchanged at the key file's token_uri: google-auth-library 11.3.4 posts it to
  // https://oauth2.googleapis.com/token (build/src/gtoken/getToken.js, GOOGLE_TOKEN_URL; AIP-4112).
  secretHosts: () => ({ source: [{ host: "oauth2.googleapis.com", by: "Insights" }] }),
  credentialRotation: { credential: "GCP service account key", by: "key-slots" },
  notices: gcpNotices,
};
