import type { PraPrivilegedIdentityConfig } from "./config";
import { piHost } from "./grants";
import { piPluginSettingsForm, piPluginSettingsPlanned } from "./settings-form";

function shown(value: { from: string; value?: string; ref?: string }): string {
  if (value.from === "secret") return `secret from \`${value.ref}\` (not shown)`;
  // Escaped so a renderer shows `<username>` instead of swallowing it as a tag.
  return (value.value ?? "").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/\|/g, "\\|").replace(/\n/g, "<br>");
}

/**
 * The integration as a checklist, in the document's order: PI delegation, the PRA
 * /login API account, the ECM install and the Configurator's plugin settings, then the
 * network rules. Secrets appear only as their references.
 */
export function praPrivilegedIdentitySheet(tenant: string, config: PraPrivilegedIdentityConfig): string {
  const planned = piPluginSettingsPlanned(config);
  const rows = piPluginSettingsForm.fields
    .filter((field) => planned[field.key])
    .map((field) => `| ${field.label} | ${shown(planned[field.key] as never)} |`);
  const pra = config.praHost.split(":")[0];
  return [
    `# PRA ↔ Privileged Identity: "${config.name}" (tenant ${tenant})`,
    "",
    "## 1. Privileged Identity: delegation identity",
    "",
    "1. Delegation > Web Application Identity Impersonation Mappings > **Create Mapping**.",
    `2. Select (or add as an Explicit Identity) **${config.plugin.apiUser}**; its password is the one behind \`${config.plugin.apiPassword}\`.`,
    `3. Let it impersonate: ${config.impersonates.map((i) => `**${i}**`).join(", ")}. Verify the mappings and click OK.`,
    ...(config.plugin.enableSpinJobs
      ? [
          "4. Spin jobs are on: Delegation > Web Application Global Delegation Permissions > add **All Access** for it, and check **Ignore Password Checkout**.",
        ]
      : ["4. Spin jobs are off: no All Access permission is needed."]),
    "5. Make sure the PI SDK Web Services are installed and enabled (Manage Web Appliance in newer versions).",
    "",
    `## 2. Privileged Remote Access: https://${config.praHost}/login`,
    "",
    "1. Management > API Configuration > **Add**; check **Enabled** and name the account.",
    "2. Permissions: **Command API: Full Access**; **Reporting API: Allow Access to Access Session Reports and Recordings**; **Endpoint Credential Manager API: Allow Access**.",
    `3. ECM Group: **${config.ecmGroup}**. Click **Save**; keep the OAuth Client ID and Secret for the ECM's connection settings.`,
    "",
    "## 3. Endpoint Credential Manager",
    "",
    `1. Install the ECM on ${config.ecmHosts.map((h) => `**${h}**`).join(", ")} (64-bit Windows, .NET 4.5+, 2 GHz, 2 GB RAM, 80 GB disk; at most three per site).`,
    "2. Copy every plugin file into the ECM folder (typically C:\\Program Files\\BeyondTrust\\ECM); unblock the DLLs if Windows blocked them.",
    "3. Run the ECM Configurator, load the plugin, click the gear icon, and enter:",
    "",
    "| Setting | Value |",
    "| --- | --- |",
    ...rows,
    "",
    "4. Click **Test Settings** (`insights-connectors ecm explain` predicts what it will look up).",
    "",
    "## 4. Network",
    "",
    "| From | To | Port | Purpose |",
    "| --- | --- | --- | --- |",
    ...config.ecmHosts.flatMap((ecm) => [
      `| ${ecm} | ${pra} (B Series) | 443 | ECM calls to the BeyondTrust API |`,
      `| ${ecm} | ${piHost(config).split(":")[0]} (Privileged Identity) | 443 | ECM calls to PI SDK Web Services |`,
    ]),
    "",
    "Check from each ECM server with `insights-connectors ecm check-network`.",
    "",
  ].join("\n");
}
