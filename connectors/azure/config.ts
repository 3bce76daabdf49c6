import { z } from "zod";
import { connectorName, guid } from "../../config/fields";
import { AZURE_PERMISSION_GROUP_NAMES, REQUIRED_AZURE_GROUP } from "./permissions";

/** The `azure` entry of a tenant config (guide: "Connect Identity Security Insights to Microsoft Azure"). */
export const azureConnectorConfig = z.strictObject({
  kind: z.literal("azure"),
  name: connectorName,
  tenantId: guid,
  /** Display name of the app registration and its service principal. */
  servicePrincipalName: z.string().trim().min(1).max(120).default("BT-SP-Connector"),
  /** Lifetime of the client secret; a new one overlaps the old before it expires. */
  secretRotationDays: z
    .number()
    .int()
    .min(7, "must be at least 7 days")
    .max(730, "must be at most 730 days (Entra's limit is 24 months)")
    .default(90),
  /** Reader at the tenant root management group, for Azure resources. */
  azureResources: z.boolean().default(false),
  /** Permission groups to grant; the default is all of them. */
  permissionGroups: z
    .array(z.enum(AZURE_PERMISSION_GROUP_NAMES as [string, ...string[]]))
    .min(1)
    .default([...AZURE_PERMISSION_GROUP_NAMES])
    .superRefine((groups, ctx) => {
      if (!groups.includes(REQUIRED_AZURE_GROUP)) {
        ctx.addIssue({ code: "custom", message: `must include "${REQUIRED_AZURE_GROUP}": the connector reads users and groups with it` });
      }
      if (new Set(groups).size !== groups.length) ctx.addIssue({ code: "custom", message: "lists a group twice" });
    }),
});
export type AzureConnectorConfig = z.output<typeof azureConnectorConfig>;
