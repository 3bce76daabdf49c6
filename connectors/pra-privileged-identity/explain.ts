/**
 * What the PI plugin's "Test Settings" would look up, as a pure function: the identity
 * (after domain mapping, default domain and fallback), the endpoint key, and every PI
 * credential kept or filtered with the rule that decided it. Rules are the document's
 * settings table, one function each.
 */
export type JumpItemType = "jump-client" | "rdp" | "shell" | "web" | "rdp-secureapp";

export interface ConsoleUser {
  /** As PRA sends it: `joe.user`, `ACME\joe.user` or `joe.user@acme-inc.com`. */
  readonly username: string;
  /** LDAP security providers: `uid=joe.user,ou=HelpDesk,dc=acme-inc,dc=com`. */
  readonly distinguishedName?: string;
}

export interface JumpItem {
  readonly type: JumpItemType;
  /** Hostname, FQDN or IP address (not for Web items). */
  readonly hostname?: string;
  /** Web Jump Items only. */
  readonly url?: string;
  /** Jump Client: the machine's additional (public or private) IP. */
  readonly additionalIp?: string;
  /** RDP + SecureApp: which application the credential is for. */
  readonly applicationName?: string;
  /** The endpoint's domain, when the Jump Item reports it (else taken from an FQDN hostname). */
  readonly domain?: string;
}

export interface PiAccount {
  readonly accountName: string;
  readonly type: "local" | "domain";
  /** Local accounts: the system's hostname, FQDN or IP. */
  readonly system?: string;
  /** Domain accounts: the domain, NetBIOS or FQDN. */
  readonly domain?: string;
  readonly sharedList?: boolean;
  /** Credentials for an application (RDP + SecureApp). */
  readonly application?: string;
  /** PI identity → what it may do with this credential. */
  readonly access: Record<string, "recover" | "remote-session-only">;
}

export interface ExplainSettings {
  readonly defaultDomainForLocalUsers?: string;
  readonly fallbackToLocalAccount: boolean;
  readonly mapDomains: readonly string[];
  readonly includeSharedCredentialLists: boolean;
  readonly includeRemoteSessionOnlyCredentials: boolean;
  readonly filterDomainCredentialsForWindows: boolean;
  readonly filterLocalCredentialsForWindows: boolean;
  readonly includeDomainCredentialsForShell: boolean;
  readonly includeDomainCredentialsForWeb: boolean;
  readonly preferIpLookup: boolean;
}

export interface CredentialVerdict {
  readonly account: string;
  readonly kept: boolean;
  readonly reason: string;
  /** Shell and Web items: the three formats a domain credential is offered in. */
  readonly formats?: string[];
}

export interface Explanation {
  /** Each identity tried, in order, with how many credentials it would have got. */
  readonly attempts: { identity: string; why: string; kept: number }[];
  /** The identity whose credentials are returned (the first attempt that found any), or the last tried. */
  readonly identity: string;
  readonly endpoint: { by: "ip" | "hostname" | "url-host"; value: string; domain?: string };
  readonly credentials: CredentialVerdict[];
  readonly notes: string[];
}

const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;
const WINDOWS: readonly JumpItemType[] = ["jump-client", "rdp", "rdp-secureapp"];

/** `FQDN=NetBIOS` lines as a lookup, case-insensitive on the FQDN. */
function domainMap(lines: readonly string[]): Map<string, string> {
  return new Map(
    lines
      .map((line) => line.trim().split("="))
      .filter((p) => p.length === 2)
      .map(([fqdn, netbios]) => [fqdn.toLowerCase(), netbios]),
  );
}

/** A user as PRA reports it: its name and, if any, its domain (NetBIOS or FQDN). */
export function parseConsoleUser(user: ConsoleUser): { name: string; domain?: string; from: string } {
  const down = /^([^\\]+)\\(.+)$/.exec(user.username);
  if (down) return { name: down[2], domain: down[1], from: "down-level DOMAIN\\user" };
  const upn = /^([^@]+)@(.+)$/.exec(user.username);
  if (upn) return { name: upn[1], domain: upn[2], from: "UPN user@domain" };
  if (user.distinguishedName) {
    const parts = user.distinguishedName.split(",").map((p) => p.trim().split("="));
    const dc = parts.filter(([k]) => k?.toLowerCase() === "dc").map(([, v]) => v);
    if (dc.length) return { name: user.username, domain: dc.join("."), from: "LDAP distinguished name" };
  }
  return {
    name: user.username,
    from: "username only (a local user, or a provider such as RADIUS that sends no domain)",
  };
}

/** Map Domains: PRA reports FQDNs, PI may expect NetBIOS names. */
function mapDomain(domain: string, map: Map<string, string>, notes: string[]): string {
  const mapped = map.get(domain.toLowerCase());
  if (mapped) {
    notes.push(`Map Domains: ${domain} → ${mapped}`);
    return mapped;
  }
  if (domain.includes("."))
    notes.push(
      `Map Domains has no entry for ${domain}: PI is asked for ${domain}\\… (add ${domain}=NETBIOS if PI knows it by its NetBIOS name)`,
    );
  return domain;
}

/** The identities the plugin tries, in order (domain account, default domain, fallback to local). */
function identityAttempts(
  user: ConsoleUser,
  settings: ExplainSettings,
  map: Map<string, string>,
  notes: string[],
): { identity: string; why: string }[] {
  const parsed = parseConsoleUser(user);
  notes.push(`console user ${user.username} read as ${parsed.from}`);
  if (parsed.domain) {
    const domain = mapDomain(parsed.domain, map, notes);
    const attempts = [{ identity: `${domain}\\${parsed.name}`, why: "domain user" }];
    if (settings.fallbackToLocalAccount)
      attempts.push({ identity: parsed.name, why: "fallback to local account: no credential for the domain account" });
    return attempts;
  }
  if (settings.defaultDomainForLocalUsers) {
    const domain = mapDomain(settings.defaultDomainForLocalUsers, map, notes);
    return [
      { identity: `${domain}\\${parsed.name}`, why: "Default Domain for Local BeyondTrust Users" },
      { identity: parsed.name, why: "the username alone, after the default domain found nothing" },
    ];
  }
  return [{ identity: parsed.name, why: "local user, no default domain" }];
}

/** Which key the plugin searches PI with, and the endpoint's domain if known. */
function endpointKey(item: JumpItem, settings: ExplainSettings, notes: string[]): Explanation["endpoint"] {
  if (item.type === "web") {
    const host = new URL(item.url ?? "").hostname;
    return {
      by: "url-host",
      value: host,
      ...(host.includes(".") && !IPV4.test(host) ? { domain: host.slice(host.indexOf(".") + 1) } : {}),
    };
  }
  const host = item.hostname ?? "";
  const hostIsIp = IPV4.test(host);
  const domain = item.domain ?? (!hostIsIp && host.includes(".") ? host.slice(host.indexOf(".") + 1) : undefined);
  if (settings.preferIpLookup && (hostIsIp || item.additionalIp)) {
    notes.push("Prefer lookup of credentials by IP address over hostname: on, and an IP is available");
    return { by: "ip", value: hostIsIp ? host : item.additionalIp!, ...(domain ? { domain } : {}) };
  }
  if (settings.preferIpLookup) notes.push("Prefer lookup by IP is on, but no IP is available: the hostname is used");
  return { by: hostIsIp ? "ip" : "hostname", value: host, ...(domain ? { domain } : {}) };
}

const shortName = (host: string) => (IPV4.test(host) ? host : host.split(".")[0]).toLowerCase();

function sameDomain(a: string, b: string, map: Map<string, string>): boolean {
  const canon = (d: string) => (map.get(d.toLowerCase()) ?? d).toLowerCase();
  return canon(a) === canon(b) || a.toLowerCase().split(".")[0] === b.toLowerCase().split(".")[0];
}

/** One credential: kept, or filtered with the setting or fact that filtered it. */
function judge(
  account: PiAccount,
  identity: string,
  item: JumpItem,
  endpoint: Explanation["endpoint"],
  settings: ExplainSettings,
  map: Map<string, string>,
): CredentialVerdict {
  const no = (reason: string): CredentialVerdict => ({ account: account.accountName, kept: false, reason });
  const permission = Object.entries(account.access).find(([who]) => who.toLowerCase() === identity.toLowerCase())?.[1];
  if (!permission) return no(`${identity} has no permission on it in PI`);
  if (permission === "remote-session-only" && !settings.includeRemoteSessionOnlyCredentials)
    return no(
      "the user only has Allow Remote Session permission (Include credentials where user only has Allow Remote Session permission is off)",
    );
  if (account.sharedList && !settings.includeSharedCredentialLists)
    return no("it comes from a shared credential list (Include credentials from Shared Credential Lists is off)");
  if (item.type === "rdp-secureapp" && account.application !== item.applicationName)
    return no(`it is not for application ${item.applicationName ?? "(none)"}`);
  if (item.type !== "rdp-secureapp" && account.application)
    return no(`it is an application credential (${account.application}), offered to RDP + SecureApp items only`);
  const windows = WINDOWS.includes(item.type);

  if (account.type === "local") {
    const system = account.system ?? "";
    if (endpoint.by === "ip" || (endpoint.by === "url-host" && IPV4.test(endpoint.value))) {
      return system === endpoint.value
        ? { account: account.accountName, kept: true, reason: `local account on ${system}, matched by IP` }
        : no(`local account on ${system}, not ${endpoint.value}`);
    }
    // The filter applies whenever the endpoint's hostname and domain are known; a system PI
    // stores by short name (or IP) has no FQDN, so it cannot match and is filtered out.
    if (windows && settings.filterLocalCredentialsForWindows && endpoint.domain) {
      const fqdn = `${shortName(endpoint.value)}.${endpoint.domain}`.toLowerCase();
      return system.toLowerCase() === fqdn
        ? {
            account: account.accountName,
            kept: true,
            reason: `local account on ${system}, FQDN matches (filter local credentials for Windows Jump Items)`,
          }
        : no(`local account on ${system}: the FQDN must be ${fqdn} (filter local credentials for Windows Jump Items)`);
    }
    return shortName(system) === shortName(endpoint.value)
      ? { account: account.accountName, kept: true, reason: `local account on ${system}, hostname portion matches` }
      : no(`local account on ${system}, not ${endpoint.value}`);
  }

  const domain = account.domain ?? "";
  const formats = [account.accountName, `${account.accountName}@${domain}`, `${domain}\\${account.accountName}`];
  if (item.type === "shell") {
    return settings.includeDomainCredentialsForShell
      ? {
          account: account.accountName,
          kept: true,
          reason: `domain credential of ${domain} (Include domain credentials for Shell Jump Items)`,
          formats,
        }
      : no("domain credential, and Include domain credentials for Shell Jump Items is off");
  }
  if (item.type === "web") {
    return settings.includeDomainCredentialsForWeb
      ? {
          account: account.accountName,
          kept: true,
          reason: `domain credential of ${domain} (Include domain credentials for Web Jump Items)`,
          formats,
        }
      : no("domain credential, and Include domain credentials for Web Jump Items is off");
  }
  if (endpoint.domain && settings.filterDomainCredentialsForWindows) {
    return sameDomain(domain, endpoint.domain, map)
      ? { account: account.accountName, kept: true, reason: `domain credential of ${domain}, the endpoint's domain` }
      : no(
          `domain credential of ${domain}, but the endpoint is in ${endpoint.domain} (filter domain credentials for Windows Jump Items)`,
        );
  }
  return {
    account: account.accountName,
    kept: true,
    reason: endpoint.domain
      ? `domain credential of ${domain} (domain filtering is off)`
      : `domain credential of ${domain}: the endpoint's domain is not known, so every domain's credentials are offered`,
  };
}

export function explainLookup(
  user: ConsoleUser,
  item: JumpItem,
  settings: ExplainSettings,
  accounts: readonly PiAccount[],
): Explanation {
  const notes: string[] = [];
  const map = domainMap(settings.mapDomains);
  const candidates = identityAttempts(user, settings, map, notes);
  const endpoint = endpointKey(item, settings, notes);
  const attempts: Explanation["attempts"] = [];
  let chosen = { identity: candidates[candidates.length - 1].identity, credentials: [] as CredentialVerdict[] };
  for (const { identity, why } of candidates) {
    const credentials = accounts.map((account) => judge(account, identity, item, endpoint, settings, map));
    const kept = credentials.filter((c) => c.kept).length;
    attempts.push({ identity, why, kept });
    chosen = { identity, credentials };
    if (kept > 0) break;
  }
  if (chosen.credentials.every((c) => !c.kept))
    notes.push("no credential matched: an empty list is a valid result of Test Settings, not an error");
  return { attempts, identity: chosen.identity, endpoint, credentials: chosen.credentials, notes };
}
