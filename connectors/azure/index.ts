import type { ConnectorKind } from "../kind";
import { azureConnectorConfig, type AzureConnectorConfig } from "./config";
import { azureGrants } from "./grants";
import { azureNotices } from "./notices";
import { azurePlannedRegistration, azureRegistration } from "./registration";

export const azure: ConnectorKind<AzureConnectorConfig, "cdktf"> = {
  kind: "azure",
  title: "Microsoft Azure",
  guideSection: "Connect Identity Security Insights to Microsoft Azure",
  provisioning: {
    mode: "stack",
    engine: "cdktf",
    stack: "stacks/azure",
    summary:
      "Entra app registration + service principal, Graph/Office 365 app roles with admin consent, rotating secret",
  },
  config: azureConnectorConfig,
  registration: azureRegistration,
  plannedRegistration: azurePlannedRegistration,
  grants: azureGrants,
  // The client secret is exchanged at the tenant's token endpoint (verify/readers/entra-client.ts: Entra's authority).
  secretHosts: (c) => ({
    source: [{ host: `login.microsoftonline.com/${c.tenantId.toLowerCase()}`, by: "Insights", field: "tenantId" }],
  }),
  credentialRotation: { credential: "Entra client secret", by: "apply" },
  notices: azureNotices,
};
