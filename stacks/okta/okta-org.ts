/** How the Okta provider addresses an org: `acme.okta.com` → org `acme` on `okta.com`. */
export interface OktaOrg {
  readonly orgName: string;
  readonly baseUrl: string;
  /** The org authorization server's issuer, which API scopes are granted against. */
  readonly issuer: string;
}

export function oktaOrg(domain: string): OktaOrg {
  const host = domain.toLowerCase();
  const dot = host.indexOf(".");
  return { orgName: host.slice(0, dot), baseUrl: host.slice(dot + 1), issuer: `https://${host}` };
}
