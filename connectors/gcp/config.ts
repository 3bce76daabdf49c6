import { z } from "zod";
import { KEY_ROTATION_DAYS, keyRotationDaysField } from "../common/credential-rotation";
import { propagationWaitField } from "../common/propagation";
import { GCP_PROPAGATION } from "./propagation";
import {
  connectorName,
  gcpBillingAccount,
  gcpFolderId,
  gcpOrganizationId,
  gcpProjectId,
  gcpServiceAccountId,
} from "../../values/fields";
import { evenWithFieldErrors } from "../../values/always";

/**
 * What Terraform may do with a project the stack created (`google_project.deletion_policy`,
 * hashicorp/terraform-provider-google google/services/resourcemanager/resource_google_project.go
 * @ 00b984c6987304290117e54f87cdfd38f2be0685: PREVENT, ABANDON or DELETE; PREVENT by default since
 * provider 6.0.0). PREVENT: `down` destroys everything else and leaves the project (its Delete
 * refuses: "Cannot destroy project as deletion_policy is set to PREVENT."); ABANDON: the project
 * stays and leaves Terraform's state; DELETE: `down` deletes it. The provider reads the policy
 * from state, so a change takes an `up` before `down` acts on it.
 */
export const GCP_PROJECT_DELETION_POLICIES = ["PREVENT", "ABANDON", "DELETE"] as const;
export const DEFAULT_GCP_PROJECT_DELETION_POLICY = "PREVENT";

/** The connector's own project: created by the stack, or an existing one. */
const connectorProject = z
  .strictObject({
    id: gcpProjectId.meta({
      description: "The connector project's ID: 6-30 characters of a-z, 0-9 and '-', starting with a letter.",
    }),
    /** Create the project (true) or use an existing one (false). */
    create: z.boolean().default(false).meta({
      description:
        "true: the stack creates the project (deletion_policy PREVENT); false: an existing project with this ID.",
    }),
    /** Display name of a created project. */
    displayName: z.string().trim().min(4).max(30).optional().meta({
      description: "Display name of a created project, 4-30 characters (only with create: true).",
    }),
    billingAccount: gcpBillingAccount.optional().meta({
      description: "Billing account of a created project, like 012345-6789AB-CDEF01 (only with create: true).",
    }),
    /** Create the project in this folder instead of at the organization root. */
    folderId: gcpFolderId.optional().meta({
      description: "Create the project in this folder instead of at the organization root (only with create: true).",
    }),
    deletionPolicy: z
      .enum(GCP_PROJECT_DELETION_POLICIES)
      .default(DEFAULT_GCP_PROJECT_DELETION_POLICY)
      .meta({
        description:
          "What `down` does with a created project: PREVENT keeps it (down destroys the rest), ABANDON keeps it and " +
          "drops it from Terraform state, DELETE deletes it; run `up` once after changing it, before `down`.",
      }),
  })
  .superRefine((project, ctx) => {
    if (project.create) return;
    for (const field of ["displayName", "billingAccount", "folderId"] as const) {
      if (project[field] !== undefined) {
        ctx.addIssue({ code: "custom", path: [field], message: "only applies with create: true" });
      }
    }
    // The default is no choice; any other value on a project the stack does not own would be ignored.
    if (project.deletionPolicy !== DEFAULT_GCP_PROJECT_DELETION_POLICY) {
      ctx.addIssue({ code: "custom", path: ["deletionPolicy"], message: "only applies with create: true" });
    }
  }, evenWithFieldErrors);

/** Where the Cloud Asset, Logging and Resource Manager APIs are enabled. */
const enableApisOn = z.union([
  z.enum(["all-projects", "connector-project"]),
  z.array(gcpProjectId).min(1, "must list at least one project id"),
]);

/** The `gcp` entry of a tenant config (guide: "Connect Identity Security Insights to Google Cloud Platform"). */
export const gcpConnectorConfig = z.strictObject({
  kind: z.literal("gcp").meta({
    description: "A Google Cloud organization: a service account with organization read roles, and its key.",
  }),
  name: connectorName,
  organizationId: gcpOrganizationId.meta({
    description: "The numeric organization ID (`gcloud organizations list`).",
  }),
  project: connectorProject.meta({
    description: "The connector's own project, which holds the service account: created by the stack, or existing.",
  }),
  /** The guide asks for every project of the organization; a list or the connector project narrows it. */
  enableApisOn: enableApisOn.default("all-projects").meta({
    description:
      "Where the Cloud Asset, Logging and Resource Manager APIs are enabled: `all-projects` (every active " +
      "project of the organization, as the guide asks), `connector-project`, or a list of project IDs.",
  }),
  serviceAccountId: gcpServiceAccountId.default("bt-insights-connector").meta({
    description: "The service account's ID (the part before @), 6-30 characters of a-z, 0-9 and '-'.",
  }),
  /** The service account key rotates this often, by overlap: new key added, registered, then the old one removed. */
  keyRotationDays: keyRotationDaysField().meta({
    description:
      `The service account key is replaced this often, in days (${KEY_ROTATION_DAYS.min} to ${KEY_ROTATION_DAYS.max}), ` +
      "by overlap: the new key is added, " +
      "registered, then the old one removed (`up` does all three).",
  }),
  /**
   * How long `up` keeps asking Insights to check this connector again after a deploy while the
   * source takes its new or changed identity, before calling it failed (minutes, 0 to 60).
   */
  propagationWaitMinutes: propagationWaitField(GCP_PROPAGATION),
});
export type GcpConnectorConfig = z.output<typeof gcpConnectorConfig>;
