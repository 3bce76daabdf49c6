import { z } from "zod";
import { propagationWaitField } from "../common/propagation";
import { OKTA_PROPAGATION } from "./propagation";
import { keyRotationDaysField } from "../common/credential-rotation";
import { connectorName, oktaDomain } from "../../values/fields";

/** The `okta` entry of a tenant config (guide: "Connect Identity Security Insights to Okta"). */
export const oktaConnectorConfig = z.strictObject({
  kind: z.literal("okta"),
  name: connectorName,
  /** `acme.okta.com`: no scheme, no path, not the `-admin` console host. */
  domain: oktaDomain,
  appLabel: z.string().trim().min(1).max(100).default("BT Insights - Connector"),
  customRoleLabel: z.string().trim().min(1).default("Identity Security Insights"),
  resourceSetLabel: z.string().trim().min(1).default("Identity Security Insights"),
  /**
   * Resources of the resource set, as Okta ORNs or REST URLs. The default is the
   * guide's "All Identity and Access Management resources".
   */
  resourceSetResources: z.array(z.string().min(1)).min(1).optional(),
  /** The app's key pair is replaced this often: the new JWK is added, registered, then the old one removed. */
  keyRotationDays: keyRotationDaysField(),
  /**
   * How long `up` keeps asking Insights to check this connector again after a deploy while the
   * source takes its new or changed identity, before calling it failed (minutes, 0 to 60).
   */
  propagationWaitMinutes: propagationWaitField(OKTA_PROPAGATION),
});
export type OktaConnectorConfig = z.output<typeof oktaConnectorConfig>;
