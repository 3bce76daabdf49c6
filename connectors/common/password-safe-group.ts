import type { Grant } from "../grant";
import { guide } from "../origins";

const SECTION = "Create and Configure a New Group";

/** Features the Insights group gets read-only (step 6). */
export const PASSWORD_SAFE_READ_FEATURES = [
  "Analytics and Reporting",
  "Asset Management",
  "Password Safe Account Management",
  "Password Safe Role Management",
  "Password Safe System Management",
  "Ticket System",
  "User Accounts Management",
] as const;

/** The Password Safe group's permissions, for cloud and on-premises alike. */
export function passwordSafeGroupGrants(source: string, scope: string): Grant[] {
  const grant = (name: string, access: Grant["access"], step: string, note?: string): Grant => ({
    source,
    scope,
    kind: "product-permission",
    name,
    access,
    origin: guide(`${SECTION}, ${step}`),
    ...(note ? { note } : {}),
  });
  return [
    grant(
      "API Registration: Insights (API Key Policy)",
      "read",
      "step 5",
      "the group may use the Insights API registration",
    ),
    ...PASSWORD_SAFE_READ_FEATURES.map((feature) => grant(`Feature: ${feature} (Read Only)`, "read", "step 6")),
    grant("Feature: User Audits (Full Control)", "write", "step 6", "the guide demands Full Control on User Audits"),
    grant("Smart Group: All Assets (Read Only)", "read", "step 7"),
    grant("Smart Group: All Assets, Password Safe Role: Auditor", "read", "step 7"),
  ];
}
