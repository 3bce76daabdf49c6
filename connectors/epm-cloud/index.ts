import { z } from "zod";
import { connectorName, httpsUrl } from "../../values/fields";
import { literalOrRefField, secretRefField } from "../../values/secret-ref";
import type { ConnectorKind } from "../kind";
import { hostOf } from "../secret-hosts";
import { guide } from "../origins";
import { fromConfig } from "../planned-value";
import { defineForm, nameField, plainText, secretText } from "../registration-form";

/** The `epm-cloud` entry of a tenant config. */
export const epmCloudConnectorConfig = z.strictObject({
  kind: z.literal("epm-cloud"),
  name: connectorName,
  /** `https://acme.pm.beyondtrustcloud.com`, scheme included as the form asks. */
  domain: httpsUrl,
  clientId: literalOrRefField,
  clientSecret: secretRefField,
});
export type EpmCloudConnectorConfig = z.output<typeof epmCloudConnectorConfig>;

const origin = (c: EpmCloudConnectorConfig) => new URL(c.domain).origin;

/** Endpoint Privilege Management Cloud (guide: "Add an Endpoint Privilege Management Cloud Connector"). */
export const epmCloud: ConnectorKind<EpmCloudConnectorConfig, "registration-only"> = {
  kind: "epm-cloud",
  title: "Privilege Management Cloud",
  guideSection: "Connect Identity Security Insights to BeyondTrust Endpoint Privilege Management Cloud",
  provisioning: {
    mode: "registration-only",
    summary: "API account created by an administrator in EPM (Configuration > API Settings > Create an API Account)",
  },
  config: epmCloudConnectorConfig,
  registration: defineForm([
    nameField,
    { ...plainText("domain", "Domain", httpsUrl), connectionPoint: true },
    plainText("clientId", "Client ID"),
    secretText("clientSecret", "Client Secret"),
  ]),
  plannedRegistration: (c) => ({
    name: { from: "config", value: c.name },
    domain: { from: "config", value: origin(c) },
    clientId: fromConfig(c.clientId),
    clientSecret: fromConfig(c.clientSecret),
  }),
  secretHosts: (c) => ({ source: [{ host: hostOf(c.domain), by: "Insights", field: "domain" }] }),
  grants: (c) => [
    {
      source: "epm-cloud",
      scope: `epm-cloud:${new URL(c.domain).hostname}`,
      kind: "product-permission",
      name: "API account (Configuration > API Settings)",
      access: "read",
      origin: guide("Create a Endpoint Privilege Management Cloud API Account"),
      note: "the guide offers no permission choices for EPM API accounts; Insights only reads through it",
    },
  ],
};
