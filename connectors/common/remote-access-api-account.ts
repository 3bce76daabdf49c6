import type { Grant } from "../grant";
import { guide } from "../origins";

/**
 * Permissions of the XML/REST API account that Privileged Remote Access and Remote
 * Support share (guide: "Create a … API Account", step 3). Configuration API access is
 * what the guide demands to read vault accounts; it is not read-only, so it says so.
 */
export function remoteAccessApiAccountGrants(source: string, scope: string, section: string): Grant[] {
  const origin = guide(`${section}, step 3`);
  const grant = (name: string, access: Grant["access"], note?: string): Grant => ({
    source,
    scope,
    kind: "product-permission",
    name,
    access,
    origin,
    ...(note ? { note } : {}),
  });
  return [
    grant("Enable XML API", "read", "site-wide API switch (step 2)"),
    grant("Command API: Read only", "read"),
    grant("Configuration API: Allow Access", "write", "the guide demands it; needed to list vault accounts"),
    grant("Configuration API: Manage Vault Accounts", "write", "the guide demands it; Insights reads vault accounts and their usage"),
    grant("Reporting API: Allow Access to Access Session Reports and Recordings", "read"),
    grant("Reporting API: Allow Access to Syslog Reports", "read"),
  ];
}
