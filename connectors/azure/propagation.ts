import type { PropagationRule } from "../common/propagation";

/**
 * Two things propagate: the Reader assignment at the root management group, for which Microsoft gives
 * a figure, and the app, its secret and its consents in Entra, for which it gives none ("A successful
 * write to Microsoft Entra does not guarantee that an immediate read will reflect that change",
 * https://devblogs.microsoft.com/identity/designing-for-eventual-consistency-for-microsoft-entra/).
 * The RBAC figure covers both.
 */
export const AZURE_PROPAGATION: PropagationRule = {
  source: "Entra ID and Azure RBAC (the app, its secret and consents, the Reader assignment)",
  defaultMinutes: 10,
  statement:
    "When you assign roles or remove role assignments, it can take up to 10 minutes for changes to take effect.",
  // MicrosoftDocs/azure-docs articles/role-based-access-control/troubleshooting.md, under both
  // "Role assignment changes are not being detected" symptoms (the second: at management group scope).
  origin: "https://learn.microsoft.com/en-us/azure/role-based-access-control/troubleshooting",
};
