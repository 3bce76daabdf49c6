import type { ConnectorKind } from "../kind";
import { GCP_PROPAGATION } from "./propagation";
import { gcpConnectorConfig, type GcpConnectorConfig } from "./config";
import { gcpGrants } from "./grants";
import { gcpEngineFailures } from "./engine-failures";
import { gcpNotices } from "./notices";
import { gcpLeftAfterOffboarding } from "./offboarding";
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
  credentialRotation: { credential: "GCP service account key", by: "key-slots" },
  notices: gcpNotices,
  propagation: GCP_PROPAGATION,
  engineFailures: gcpEngineFailures,
  leftAfterOffboarding: gcpLeftAfterOffboarding,
};
