import { z } from "zod";
import { propagationWaitField } from "../common/propagation";
import { PINGONE_PROPAGATION } from "./propagation";
import { connectorName, guid } from "../../values/fields";
import { DEFAULT_PINGONE_ROLES, NOT_ASSIGNABLE_TO_WORKER_APP, PINGONE_READ_ONLY_ROLES } from "./roles";

/** PingOne regions and the top-level domain of each one's auth host. */
export const PINGONE_REGIONS = { NA: "com", EU: "eu", CA: "ca", AP: "asia" } as const;
export type PingOneRegion = keyof typeof PINGONE_REGIONS;

/** The auth host of a region, e.g. `auth.pingone.eu`; Insights signs in there. */
export function pingoneAuthDomain(region: PingOneRegion): string {
  return `auth.pingone.${PINGONE_REGIONS[region]}`;
}

/**
 * How long the replaced client secret keeps working after a rotation (`previous.expires_at`),
 * in days. The provider accepts 1 minute to 30 days: pingidentity/terraform-provider-pingone,
 * docs/resources/application_secret.md, commit cef5208af78019b95a0146818839f63237659b4e.
 */
export const PREVIOUS_SECRET_GRACE_DAYS = { min: 1, max: 30, default: 7 } as const;

/** A role for the worker app: a built-in Read Only role that PingOne lets a worker app hold. */
const workerAppRole = z.string().superRefine((role, ctx) => {
  const why = NOT_ASSIGNABLE_TO_WORKER_APP[role as keyof typeof NOT_ASSIGNABLE_TO_WORKER_APP];
  if (why) ctx.addIssue({ code: "custom", message: why });
  else if (!(PINGONE_READ_ONLY_ROLES as readonly string[]).includes(role)) {
    const allowed = DEFAULT_PINGONE_ROLES.join(", ");
    const message = `must be one of ${allowed} (the built-in "Read Only" roles a worker app can hold)`;
    ctx.addIssue({ code: "custom", message });
  }
});

/** The `pingone` entry of a tenant config (guide: "Connect Identity Security Insights to PingOne"). */
export const pingoneConnectorConfig = z.strictObject({
  kind: z.literal("pingone").meta({
    description: "A PingOne environment: a worker app holding the built-in Read Only roles.",
  }),
  name: connectorName,
  environmentId: guid.meta({ description: "The PingOne environment's ID (a GUID) the worker app is created in." }),
  region: z
    .enum(Object.keys(PINGONE_REGIONS) as [PingOneRegion, ...PingOneRegion[]], {
      error: `must be one of ${Object.keys(PINGONE_REGIONS).join(", ")}`,
    })
    .meta({
      description:
        "The environment's region: NA (auth.pingone.com), EU (.eu), CA (.ca) or AP (.asia); Insights signs in there.",
    }),
  appName: z.string().trim().min(1).max(256).default("BT Insights - Connector").meta({
    description: "Name of the worker application the stack creates.",
  }),
  /**
   * The worker app's client secret is regenerated this often, by the apply `up` runs after it is due.
   * No upper bound: PingOne gives an application secret no lifetime (only the replaced one
   * expires, `previous.expires_at`), so the schedule is this toolkit's alone.
   * pingidentity/terraform-provider-pingone, docs/resources/application_secret.md and
   * internal/service/sso/resource_application_secret.go, commit cef5208af78019b95a0146818839f63237659b4e.
   */
  secretRotationDays: z
    .number()
    .int()
    .min(7, "must be at least 7 days")
    .default(90)
    .meta({
      description:
        "The worker app's client secret is regenerated this often, in days (at least 7), by the apply `up` runs " +
        "once it is due; the replaced one keeps working for `previousSecretGraceDays`.",
    }),
  /**
   * Days the replaced secret keeps working after a rotation, whatever Insights reports: `up` refuses a rotation
   * whose window is shorter than its own wait for the new secret (settle timeout plus propagation wait).
   */
  previousSecretGraceDays: z
    .number()
    .int()
    .min(PREVIOUS_SECRET_GRACE_DAYS.min, `must be at least ${PREVIOUS_SECRET_GRACE_DAYS.min} day`)
    .max(PREVIOUS_SECRET_GRACE_DAYS.max, `must be at most ${PREVIOUS_SECRET_GRACE_DAYS.max} days (PingOne's limit)`)
    .default(PREVIOUS_SECRET_GRACE_DAYS.default)
    .meta({
      description:
        `Days the replaced secret keeps working after a rotation (${PREVIOUS_SECRET_GRACE_DAYS.min} to ` +
        `${PREVIOUS_SECRET_GRACE_DAYS.max}, PingOne's limit), whatever Insights reports; \`up\` refuses a rotation whose window is shorter than its ` +
        "own wait for the new secret (settle timeout plus propagation wait).",
    }),
  /** Built-in roles to grant; each must be a "Read Only" role a worker app can hold. */
  roles: z
    .array(workerAppRole)
    .min(1)
    .default([...DEFAULT_PINGONE_ROLES])
    .meta({
      description:
        `Built-in roles granted to the worker app: ${DEFAULT_PINGONE_ROLES.join(", ")} by default; each must ` +
        "be a Read Only role a worker app can hold (DaVinci roles cannot be).",
    }),
  /**
   * How long `up` keeps asking Insights to check this connector again after a deploy while the
   * source takes its new or changed identity, before calling it failed (minutes, 0 to 60).
   */
  propagationWaitMinutes: propagationWaitField(PINGONE_PROPAGATION),
});
export type PingOneConnectorConfig = z.output<typeof pingoneConnectorConfig>;
