import { z } from "zod";
import { propagationWaitField } from "../common/propagation";
import { GCP_PROPAGATION } from "./propagation";
import { keyRotationDaysField } from "../common/credential-rotation";
import {
  connectorName,
  gcpBillingAccount,
  gcpFolderId,
  gcpOrganizationId,
  gcpProjectId,
  gcpServiceAccountId,
} from "../../values/fields";
import { evenWithFieldErrors } from "../../values/always";

/** The connector's own project: created by the stack, or an existing one. */
const connectorProject = z
  .strictObject({
    id: gcpProjectId,
    /** Create the project (true) or use an existing one (false). */
    create: z.boolean().default(false),
    /** Display name of a created project. */
    displayName: z.string().trim().min(4).max(30).optional(),
    billingAccount: gcpBillingAccount.optional(),
    /** Create the project in this folder instead of at the organization root. */
    folderId: gcpFolderId.optional(),
  })
  .superRefine((project, ctx) => {
    if (project.create) return;
    for (const field of ["displayName", "billingAccount", "folderId"] as const) {
      if (project[field] !== undefined) {
        ctx.addIssue({ code: "custom", path: [field], message: "only applies with create: true" });
      }
    }
  }, evenWithFieldErrors);

/** Where the Cloud Asset, Logging and Resource Manager APIs are enabled. */
const enableApisOn = z.union([
  z.enum(["all-projects", "connector-project"]),
  z.array(gcpProjectId).min(1, "must list at least one project id"),
]);

/** The `gcp` entry of a tenant config (guide: "Connect Identity Security Insights to Google Cloud Platform"). */
export const gcpConnectorConfig = z.strictObject({
  kind: z.literal("gcp"),
  name: connectorName,
  organizationId: gcpOrganizationId,
  project: connectorProject,
  /** The guide asks for every project of the organization; a list or the connector project narrows it. */
  enableApisOn: enableApisOn.default("all-projects"),
  serviceAccountId: gcpServiceAccountId.default("bt-insights-connector"),
  /** The service account key rotates this often, by overlap: new key added, registered, then the old one removed. */
  keyRotationDays: keyRotationDaysField(),
  /**
   * How long `up` keeps asking Insights to check this connector again after a deploy while the
   * source takes its new or changed identity, before calling it failed (minutes, 0 to 60).
   */
  propagationWaitMinutes: propagationWaitField(GCP_PROPAGATION),
});
export type GcpConnectorConfig = z.output<typeof gcpConnectorConfig>;
