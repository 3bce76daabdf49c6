import { z } from "zod";
import { connectorName, httpsUrl } from "../../values/fields";
import { passwordSafeApiUserFields } from "../common/password-safe-api-user";
import { passwordSafeGroupGrants } from "../common/password-safe-group";
import type { ConnectorKind } from "../kind";
import { hostOf } from "../secret-hosts";
import { guide } from "../origins";
import { fromConfig } from "../planned-value";
import { defineForm, nameField, plainText, secretText } from "../registration-form";

/** The `password-safe-onprem` entry of a tenant config. */
export const passwordSafeOnpremConnectorConfig = z.strictObject({
  kind: z.literal("password-safe-onprem").meta({
    description:
      "Password Safe on-premises through the Insights Collector: registration returns an installation key; " +
      "the values below are typed into the installer.",
  }),
  name: connectorName,
  /** `https://<hostname>/` of the Password Safe appliance. */
  url: httpsUrl.meta({ description: "The Password Safe appliance's URL, https://<hostname>/." }),
  ...passwordSafeApiUserFields,
  /** IP address of the server running the Insights Collector, for the API registration's rule. */
  collectorAddress: z.ipv4({ error: "must be an IPv4 address" }).optional().meta({
    description: "IPv4 address of the server running the Insights Collector, for the API registration's rule.",
  }),
});
export type PasswordSafeOnpremConnectorConfig = z.output<typeof passwordSafeOnpremConnectorConfig>;

/** Password Safe on-premises through the Insights Collector (guide: "Add a Password Safe On-Premise Connector"). */
export const passwordSafeOnprem: ConnectorKind<PasswordSafeOnpremConnectorConfig, "collector-install"> = {
  kind: "password-safe-onprem",
  title: "Insights Collector",
  guideSection: "Add a Password Safe On-Premise Connector",
  provisioning: {
    mode: "collector-install",
    summary: "registration returns an installation key for the Insights Collector, installed beside Password Safe",
  },
  config: passwordSafeOnpremConnectorConfig,
  registration: defineForm([
    nameField,
    { ...plainText("url", "URL", httpsUrl), enteredIn: "installer", connectionPoint: true },
    { ...secretText("apiKey", "API Key"), enteredIn: "installer" },
    { ...plainText("username", "Username"), enteredIn: "installer" },
    { ...secretText("password", "Password", true), enteredIn: "installer" },
  ]),
  plannedRegistration: (c) => ({
    name: { from: "config", value: c.name },
    url: { from: "config", value: c.url },
    apiKey: fromConfig(c.apiKey),
    username: { from: "config", value: c.username },
    ...(c.password ? { password: fromConfig(c.password) } : {}),
  }),
  // Typed into the Collector's installer: the Collector, not the Insights API, uses them against the appliance.
  secretHosts: (c) => ({ source: [{ host: hostOf(c.url), by: "Insights Collector", field: "url" }] }),
  grants: (c) => {
    const scope = `password-safe:${new URL(c.url).hostname}`;
    return [
      ...passwordSafeGroupGrants("password-safe-onprem", scope),
      {
        source: "password-safe-onprem",
        scope,
        kind: "network-allow",
        name: c.collectorAddress ? `${c.collectorAddress}/32` : "address of the Insights Collector server",
        access: "read",
        origin: guide("Create a New API Registration, step 5"),
        note: "API registration Authentication Rule (Single IP Address)",
      },
    ];
  },
};
