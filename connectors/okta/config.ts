import { z } from "zod";
import { KEY_ROTATION_DAYS, keyRotationDaysField } from "../common/credential-rotation";
import { propagationWaitField } from "../common/propagation";
import { OKTA_PROPAGATION } from "./propagation";
import { connectorName, oktaDomain } from "../../values/fields";

/** The `okta` entry of a tenant config (guide: "Connect Identity Security Insights to Okta"). */
export const oktaConnectorConfig = z.strictObject({
  kind: z.literal("okta").meta({
    description: "An Okta org: an API Services app with read scopes and a read-only custom admin role.",
  }),
  name: connectorName,
  /** `acme.okta.com`: no scheme, no path, not the `-admin` console host. */
  domain: oktaDomain.meta({
    description: "The Okta org's domain, like acme.okta.com: no scheme, no path, not the -admin console host.",
  }),
  appLabel: z.string().trim().min(1).max(100).default("BT Insights - Connector").meta({
    description: "Label of the API Services app the stack creates.",
  }),
  customRoleLabel: z.string().trim().min(1).default("Identity Security Insights").meta({
    description: "Label of the custom admin role (okta.iam.read only) assigned to the app.",
  }),
  resourceSetLabel: z.string().trim().min(1).default("Identity Security Insights").meta({
    description: "Label of the resource set the custom role is bound to.",
  }),
  /**
   * Resources of the resource set, as Okta ORNs or REST URLs. The default is the
   * guide's "All Identity and Access Management resources".
   */
  resourceSetResources: z
    .array(z.string().min(1))
    .min(1)
    .optional()
    .meta({
      description:
        "The resource set's resources, as Okta ORNs or REST URLs. Default: all Identity and Access Management " +
        "resources (`orn:okta:iam:<orgId>:contained_resources`, which `plan` marks unconfirmed).",
    }),
  /** The app's key pair is replaced this often: the new JWK is added, registered, then the old one removed. */
  keyRotationDays: keyRotationDaysField().meta({
    description:
      `The app's key pair is replaced this often, in days (${KEY_ROTATION_DAYS.min} to ${KEY_ROTATION_DAYS.max}), ` +
      "by overlap: the new key is added to the app, registered, then the old one removed.",
  }),
  /**
   * How long `up` keeps asking Insights to check this connector again after a deploy while the
   * source takes its new or changed identity, before calling it failed (minutes, 0 to 60).
   */
  propagationWaitMinutes: propagationWaitField(OKTA_PROPAGATION),
});
export type OktaConnectorConfig = z.output<typeof oktaConnectorConfig>;
