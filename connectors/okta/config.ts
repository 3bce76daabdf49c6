import { z } from "zod";
import { connectorName, oktaDomain } from "../../config/fields";

/** Days between key rotations: 90 by default, as for the other connectors' credentials. */
export const OKTA_KEY_ROTATION_DAYS = { min: 7, max: 365, default: 90 } as const;

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
  keyRotationDays: z
    .number()
    .int()
    .min(OKTA_KEY_ROTATION_DAYS.min, `must be at least ${OKTA_KEY_ROTATION_DAYS.min} days`)
    .max(OKTA_KEY_ROTATION_DAYS.max, `must be at most ${OKTA_KEY_ROTATION_DAYS.max} days (a key a year old is overdue)`)
    .default(OKTA_KEY_ROTATION_DAYS.default),
});
export type OktaConnectorConfig = z.output<typeof oktaConnectorConfig>;
