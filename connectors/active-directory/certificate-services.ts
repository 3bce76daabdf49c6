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

/**
 * Microsoft's pages for the two OS audit subcategories the events need, MicrosoftDocs/windows-itpro-docs,
 * windows/security/threat-protection/auditing/: audit-certification-services.md (commit
 * a2b2556305817e4d8c1862fa2f68f4d9133feb7c) lists "4886: Certificate Services received a certificate
 * request" and "4887: Certificate Services approved a certificate request and issued a certificate";
 * audit-detailed-file-share.md (commit 7ecfa5c8749bf25ecb0f678b325390a2072d219c) lists "5145(S, F): A
 * network share object was checked to see whether client can be granted desired access".
 */
const AUDIT_CERTIFICATION_SERVICES =
  "Microsoft, Audit Certification Services (learn.microsoft.com/windows/security/threat-protection/auditing/" +
  "audit-certification-services): 4886, 4887";
const AUDIT_DETAILED_FILE_SHARE =
  "Microsoft, Audit Detailed File Share (learn.microsoft.com/windows/security/threat-protection/auditing/" +
  "audit-detailed-file-share): 5145";

/**
 * The settings without which the events are never logged: the CA's own auditing filter, and the
 * two Advanced Audit Policy subcategories of the OS that write the events to the Security log.
 */
export function certificateServicesNotices(): PlanNotice[] {
  return [
    {
      kind: "step",
      text:
        "on each certification authority: Certification Authority snap-in > CA Properties > Auditing, " +
        "enable 'Issue and manage certificate requests' (else events 4886 and 4887 are not logged)",
      origin: ORIGIN,
    },
    {
      kind: "step",
      text:
        "on each certificate enrollment server: Advanced Audit Policy Configuration > Object Access > " +
        "Audit Certification Services, Success and Failure (the OS subcategory that writes 4886 and 4887 " +
        "to the Security log; the CA's Auditing tab alone does not)",
      origin: AUDIT_CERTIFICATION_SERVICES,
    },
    {
      kind: "step",
      text:
        "on each certificate enrollment server: Advanced Audit Policy Configuration > Object Access > " +
        "Audit Detailed File Share, Success and Failure (event 5145; Microsoft warns the volume is high on " +
        "file servers and domain controllers, where it recommends Failure only)",
      origin: AUDIT_DETAILED_FILE_SHARE,
    },
  ];
}
