import type { Grant } from "../grant";
import { guide } from "../origins";

/**
 * The reporting permission each product's API account names for its own session reports.
 * The guide copies PRA's "Access Session" wording into the Remote Support section;
 * Remote Support's own API pages call it "Support Session".
 */
export interface SessionReportsPermission {
  /** The checkbox label under Reporting API, as the product's admin UI shows it. */
  readonly label: string;
  /** Where that label comes from, when not the guide's step 3. */
  readonly origin?: string;
}

/**
 * Permissions of the XML/REST API account that Privileged Remote Access and Remote
 * Support share (guide: "Create a … API Account", step 3). Configuration API access is
 * what the guide demands to read vault accounts; it is not read-only, so it says so.
 */
export function remoteAccessApiAccountGrants(
  source: string,
  scope: string,
  section: string,
  sessionReports: SessionReportsPermission,
): Grant[] {
  const origin = guide(`${section}, step 3`);
  const grant = (name: string, access: Grant["access"], note?: string, from = origin): Grant => ({
    source,
    scope,
    kind: "product-permission",
    name,
    access,
    origin: from,
    ...(note ? { note } : {}),
  });
  return [
    grant("Enable XML API", "read", "site-wide API switch (step 2)"),
    grant("Command API: Read only", "read"),
    grant("Configuration API: Allow Access", "write", "the guide demands it; needed to list vault accounts"),
    grant(
      "Configuration API: Manage Vault Accounts",
      "write",
      "the guide demands it; Insights reads vault accounts and their usage",
    ),
    grant(`Reporting API: ${sessionReports.label}`, "read", undefined, sessionReports.origin ?? origin),
    grant("Reporting API: Allow Access to Syslog Reports", "read"),
  ];
}
