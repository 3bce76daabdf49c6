import { z } from "zod";
import { connectorName, dnsName } from "../../values/fields";
import type { Grant } from "../grant";
import type { ConnectorKind } from "../kind";
import { guide } from "../origins";
import { defineForm, nameField } from "../registration-form";
import { certificateServicesGrants, certificateServicesNotices } from "./certificate-services";

const SECTION = "Connect Identity Security Insights to Microsoft Active Directory";

/** Firewall rules on the domain controllers for event log collection (Prerequisites). */
export const AD_DC_FIREWALL_RULES = [
  "COM+ Network Access (DCOM-In)",
  "Remote Event Log Management (NP-In)",
  "Remote Event Log Management (RPC)",
  "Remote Event Log Management (RPC-EPMAP)",
  "Windows Management Instrumentation (ASync-In)",
  "Windows Management Instrumentation (DCOM-In)",
  "Windows Management Instrumentation (WMI-In)",
] as const;

/** Insights endpoints the member server reaches out to. */
export const AD_OUTBOUND_URLS = ["https://login.beyondtrust.io", "https://ingest.beyondtrust.io"] as const;

/** The `active-directory` entry of a tenant config. */
export const activeDirectoryConnectorConfig = z.strictObject({
  kind: z.literal("active-directory"),
  name: connectorName,
  /** The AD domain the member server is joined to. */
  domain: dnsName.optional(),
  /** 636 (LDAPS, the default) or 389 when SSL is not available. */
  ldapPort: z.union([z.literal(636), z.literal(389)], { error: "must be 636 (LDAPS) or 389" }).default(636),
});
export type ActiveDirectoryConnectorConfig = z.output<typeof activeDirectoryConnectorConfig>;

function adGrants(c: ActiveDirectoryConnectorConfig): Grant[] {
  const scope = c.domain ? `ad-domain:${c.domain.toLowerCase()}` : `ad-connector:${c.name}`;
  const origin = guide(`${SECTION} § Prerequisites`);
  const grant = (kind: Grant["kind"], name: string, note?: string): Grant => ({
    source: "active-directory",
    scope,
    kind,
    name,
    access: "read",
    origin,
    ...(note ? { note } : {}),
  });
  return [
    grant("directory-membership", "Domain Users", "service account group"),
    grant("directory-membership", "Event Log Readers", "service account group"),
    grant("directory-membership", "Read: Deleted Objects container", "service account ACL"),
    grant(
      "network-allow",
      `member server -> domain controllers TCP ${c.ldapPort}`,
      c.ldapPort === 636 ? "LDAP over SSL" : "plain LDAP: only where SSL/636 is not available",
    ),
    ...AD_OUTBOUND_URLS.map((url) => grant("network-allow", `member server -> ${url} (TCP 443)`)),
    ...AD_DC_FIREWALL_RULES.map((rule) =>
      grant("network-allow", `domain controllers inbound: ${rule}`, "from the member server"),
    ),
    ...certificateServicesGrants(scope),
  ];
}

/** Microsoft Active Directory through the Insights Collector. */
export const activeDirectory: ConnectorKind<ActiveDirectoryConnectorConfig, "collector-install"> = {
  kind: "active-directory",
  title: "Insights Collector",
  guideSection: SECTION,
  provisioning: {
    mode: "collector-install",
    summary: "registration returns an installation key; the installer runs on a domain-joined member server",
  },
  config: activeDirectoryConnectorConfig,
  registration: defineForm([nameField]),
  plannedRegistration: (c) => ({ name: { from: "config", value: c.name } }),
  grants: adGrants,
  secretHosts: () => ({ source: [] }),
  notices: certificateServicesNotices,
  cannotTurnOff: {
    reason: "the Active Directory connector cannot be turned off; delete it instead if it must stop",
    origin: guide("Manage Existing Connectors, Connection Options (Note)"),
  },
};
