import { z } from "zod";
import { connectorName, httpsUrl } from "../../values/fields";
import { egressAllowances } from "../common/insights-egress";
import { passwordSafeApiUserFields } from "../common/password-safe-api-user";
import { passwordSafeGroupGrants } from "../common/password-safe-group";
import type { ConnectorKind } from "../kind";
import { hostOf } from "../secret-hosts";
import { fromConfig } from "../planned-value";
import { defineForm, nameField, plainText, secretText } from "../registration-form";

/** The `password-safe-cloud` entry of a tenant config. */
export const passwordSafeCloudConnectorConfig = z.strictObject({
  kind: z.literal("password-safe-cloud").meta({
    description:
      "Password Safe Cloud: an API registration, user and group made in BeyondInsight, registered in Insights.",
  }),
  name: connectorName,
  /** `https://acme.ps.beyondtrustcloud.com`. */
  domain: httpsUrl.meta({
    description: "The Password Safe Cloud site with its scheme: https://acme.ps.beyondtrustcloud.com.",
  }),
  ...passwordSafeApiUserFields,
});
export type PasswordSafeCloudConnectorConfig = z.output<typeof passwordSafeCloudConnectorConfig>;

/** Password Safe Cloud (guide: "Add a Password Safe Cloud Connector"). */
export const passwordSafeCloud: ConnectorKind<PasswordSafeCloudConnectorConfig, "registration-only"> = {
  kind: "password-safe-cloud",
  title: "Password Safe Cloud",
  guideSection: "Connect Identity Security Insights to BeyondTrust Password Safe",
  provisioning: {
    mode: "registration-only",
    summary: "API registration, user and group created by an administrator in BeyondInsight (Configuration > …)",
  },
  config: passwordSafeCloudConnectorConfig,
  registration: defineForm([
    nameField,
    { ...plainText("domain", "Domain", httpsUrl), connectionPoint: true },
    secretText("apiKey", "API Key"),
    plainText("username", "Username"),
    secretText("password", "Password", true),
  ]),
  plannedRegistration: (c) => ({
    name: { from: "config", value: c.name },
    domain: { from: "config", value: new URL(c.domain).origin },
    apiKey: fromConfig(c.apiKey),
    username: { from: "config", value: c.username },
    ...(c.password ? { password: fromConfig(c.password) } : {}),
  }),
  secretHosts: (c) => ({ source: [{ host: hostOf(c.domain), by: "Insights", field: "domain" }] }),
  grants: (c) => {
    const scope = `password-safe:${new URL(c.domain).hostname}`;
    return [
      ...passwordSafeGroupGrants("password-safe-cloud", scope),
      ...egressAllowances(
        "password-safe-cloud",
        scope,
        "API registration Authentication Rule (Single IP Address)",
        "Create a New API Registration, step 5",
      ),
    ];
  },
};
