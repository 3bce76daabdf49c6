import { z } from "zod";
import { connectorName, guid } from "../../config/fields";

/** PingOne regions and the top-level domain of each one's auth host. */
export const PINGONE_REGIONS = { NA: "com", EU: "eu", CA: "ca", AP: "asia" } as const;
export type PingOneRegion = keyof typeof PINGONE_REGIONS;

/** The auth host of a region, e.g. `auth.pingone.eu`; Insights signs in there. */
export function pingoneAuthDomain(region: PingOneRegion): string {
  return `auth.pingone.${PINGONE_REGIONS[region]}`;
}

/** The built-in roles behind the guide's "search Read Only, Select All". */
export const DEFAULT_PINGONE_ROLES = ["Identity Data Read Only", "Configuration Read Only"] as const;

/** The `pingone` entry of a tenant config (guide: "Connect Identity Security Insights to PingOne"). */
export const pingoneConnectorConfig = z.strictObject({
  kind: z.literal("pingone"),
  name: connectorName,
  environmentId: guid,
  region: z.enum(Object.keys(PINGONE_REGIONS) as [PingOneRegion, ...PingOneRegion[]], {
    error: `must be one of ${Object.keys(PINGONE_REGIONS).join(", ")}`,
  }),
  appName: z.string().trim().min(1).max(256).default("BT Insights - Connector"),
  /** The worker app's client secret is regenerated this often (re-run register afterwards). */
  secretRotationDays: z.number().int().min(7, "must be at least 7 days").max(730, "must be at most 730 days").default(90),
  /** Built-in roles to grant; each must be a "Read Only" role. */
  roles: z
    .array(
      z.string().refine((role) => /\bRead Only$/.test(role), {
        message: 'must be a built-in role whose name ends in "Read Only" (the guide grants no other)',
      }),
    )
    .min(1)
    .default([...DEFAULT_PINGONE_ROLES]),
});
export type PingOneConnectorConfig = z.output<typeof pingoneConnectorConfig>;
