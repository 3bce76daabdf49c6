import type { ConnectorKind } from "../kind";
import { hostOf } from "../secret-hosts";
import { praPrivilegedIdentityConfig, type PraPrivilegedIdentityConfig } from "./config";
import { praPrivilegedIdentityGrants } from "./grants";
import { piPluginSettingsForm, piPluginSettingsPlanned } from "./settings-form";
import { praPrivilegedIdentitySheet } from "./sheet";

/**
 * PRA ↔ Privileged Identity credential plugin. Not an Insights connector: it lives beside
 * them in the config and the catalog so plan, diff and the sheet cover it, and `register`
 * leaves it alone.
 */
export const praPrivilegedIdentity: ConnectorKind<PraPrivilegedIdentityConfig, "integration"> = {
  kind: "pra-privileged-identity",
  title: "Privileged Remote Access ↔ Privileged Identity",
  guideSection: "Privileged Identity (PRA integration)",
  provisioning: {
    mode: "integration",
    summary:
      "PRA OAuth API account, PI delegation identity, Endpoint Credential Manager with the PI plugin (sheet, ecm check-network, ecm explain)",
  },
  config: praPrivilegedIdentityConfig,
  registration: piPluginSettingsForm,
  plannedRegistration: piPluginSettingsPlanned,
  grants: praPrivilegedIdentityGrants,
  // The ECM plugin signs in to the PI web service with the API user's password and registration key.
  secretHosts: (c) => ({ source: [{ host: hostOf(c.plugin.endpointUrl), by: "ECM", field: "plugin.endpointUrl" }] }),
  sheet: praPrivilegedIdentitySheet,
};
