import type { ConnectorKind } from "../kind";
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
  sheet: praPrivilegedIdentitySheet,
};
