import type { Grant } from "../grant";
import type { PlanNotice } from "../kind";
import { guide } from "../origins";

/**
 * The guide's "Information Collection" for Active Directory Certificate Services: every
 * 60 minutes the connector reads, from each certificate enrollment server, security
 * events 4886, 4887 and 5145, and the agent security ACLs and enrollment agent
 * restrictions from the registry. (The CA, template and enrollment-service objects come
 * from the configuration container over LDAP, which Domain Users may already read.)
 */
const ORIGIN = guide("Connect Identity Security Insights to Microsoft Active Directory § Information Collection");

/** Security events the connector reads from the enrollment servers. */
export const ADCS_SECURITY_EVENTS = [4886, 4887, 5145] as const;

/** What the service account needs on each certificate enrollment server. */
export function certificateServicesGrants(scope: string): Grant[] {
  const grant = (kind: Grant["kind"], name: string, note: string): Grant => ({
    source: "active-directory",
    scope,
    kind,
    name,
    access: "read",
    origin: ORIGIN,
    note,
  });
  return [
    grant(
      "directory-membership",
      "Event Log Readers on each certificate enrollment server",
      `service account reads Security events ${ADCS_SECURITY_EVENTS.join(", ")} there ` +
        "(the server's own group: the domain's Event Log Readers covers domain controllers only)",
    ),
    grant(
      "directory-membership",
      "Read: registry of each certificate enrollment server",
      "service account reads the CA's agent security ACLs and enrollment agent restrictions",
    ),
  ];
}

/** The CA setting without which events 4886 and 4887 are never logged. */
export function certificateServicesNotices(): PlanNotice[] {
  return [
    {
      kind: "step",
      text:
        "on each certification authority: Certification Authority snap-in > CA Properties > Auditing, " +
        "enable 'Issue and manage certificate requests' (else events 4886 and 4887 are not logged)",
      origin: ORIGIN,
    },
  ];
}
