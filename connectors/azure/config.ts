import { z } from "zod";
import { propagationWaitField } from "../common/propagation";
import { AZURE_PROPAGATION } from "./propagation";
import { connectorName, guid } from "../../values/fields";
import { evenWithFieldErrors } from "../../values/always";
import { AZURE_PERMISSION_GROUP_NAMES, REQUIRED_AZURE_GROUP } from "./permissions";
import { MAX_SECRET_DAYS } from "./secret-lifetime";

/** The `azure` entry of a tenant config (guide: "Connect Identity Security Insights to Microsoft Azure"). */
export const azureConnectorConfig = z
  .strictObject({
    kind: z.literal("azure").meta({
      description:
        "A Microsoft Entra ID tenant (and its Azure resources): an app registration with read-only permissions.",
    }),
    name: connectorName,
    tenantId: guid.meta({ description: "The Entra tenant's ID (a GUID: Entra ID > Overview > Tenant ID)." }),
    /** Display name of the app registration and its service principal. */
    servicePrincipalName: z
      .string()
      .trim()
      .min(1)
      .max(120)
      .default("BT-SP-Connector")
      .meta({ description: "Display name of the app registration and its service principal." }),
    /**
     * How often `up` replaces the client secret: the new one is added beside the old, and the old one
     * deleted once Insights reports the new one Connected. Each secret expires 30 days after it is due.
     */
    secretRotationDays: z
      .number()
      .int()
      .min(7, "must be at least 7 days")
      .max(MAX_SECRET_DAYS, `must be at most ${MAX_SECRET_DAYS} days (Entra's limit is 24 months)`)
      .default(90)
      .meta({
        description:
          `The client secret is replaced this often, in days (7 to ${MAX_SECRET_DAYS}): \`up\` adds the new one ` +
          "beside the old, registers it, and deletes the old one only once Insights reports the new one Connected.",
      }),
    /**
     * The "Directory Name" Insights shows (Entra ID > Properties > Name). The azuread
     * provider cannot read the tenant's display name, so without it the stack reports
     * the tenant's initial `*.onmicrosoft.com` domain.
     */
    directoryName: z
      .string()
      .trim()
      .min(1)
      .max(256)
      .optional()
      .meta({
        description:
          "The Directory Name Insights shows (Entra ID > Properties > Name); without it, the tenant's " +
          "initial *.onmicrosoft.com domain.",
      }),
    /**
     * Reader at the tenant root management group, for Azure resources. On by default:
     * BeyondTrust's Azure page lists "Management groups: Reader" among the required
     * permissions. `false` is an opt-out that plan shows as reduced coverage.
     */
    azureResources: z
      .boolean()
      .default(true)
      .meta({
        description:
          "Reader at the tenant root management group, so Insights sees every subscription (BeyondTrust " +
          "requires it). Deploying it needs a one-time elevation that `plan` states; `false` opts out, shown " +
          "in `plan` as reduced coverage.",
      }),
    /**
     * An existing subscription for the azurerm provider, which will not start without
     * one even for management-group work. Only used with `azureResources`; when left out,
     * azurerm reads `ARM_SUBSCRIPTION_ID` at apply time (synth and plan need neither).
     */
    subscriptionId: guid.optional().meta({
      description:
        "Any existing subscription (a GUID), which the azurerm provider needs at apply time; only with " +
        "`azureResources`. Left out, `ARM_SUBSCRIPTION_ID` is read at apply time (plan and synth need neither).",
    }),
    /** Permission groups to grant; the default is all of them. */
    permissionGroups: z
      .array(z.enum(AZURE_PERMISSION_GROUP_NAMES as [string, ...string[]]))
      .min(1)
      .default([...AZURE_PERMISSION_GROUP_NAMES])
      .superRefine((groups, ctx) => {
        if (!groups.includes(REQUIRED_AZURE_GROUP)) {
          ctx.addIssue({
            code: "custom",
            message: `must include "${REQUIRED_AZURE_GROUP}": the connector reads users and groups with it`,
          });
        }
        if (new Set(groups).size !== groups.length) ctx.addIssue({ code: "custom", message: "lists a group twice" });
      })
      .meta({
        description:
          `Which groups of read-only application permissions to grant (default: all): ` +
          `${AZURE_PERMISSION_GROUP_NAMES.join(", ")}; \`${REQUIRED_AZURE_GROUP}\` is required. ` +
          "Each group's permissions are in connectors/azure/permissions.ts.",
      }),
    /**
     * How long `up` keeps asking Insights to check this connector again after a deploy while the
     * source takes its new or changed identity, before calling it failed (minutes, 0 to 60).
     */
    propagationWaitMinutes: propagationWaitField(AZURE_PROPAGATION),
  })
  .superRefine((config, ctx) => {
    if (config.subscriptionId !== undefined && !config.azureResources) {
      ctx.addIssue({ code: "custom", path: ["subscriptionId"], message: "only applies with azureResources: true" });
    }
  }, evenWithFieldErrors);
export type AzureConnectorConfig = z.output<typeof azureConnectorConfig>;
