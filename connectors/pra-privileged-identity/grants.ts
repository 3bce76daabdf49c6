import type { Grant } from "../grant";
import type { PraPrivilegedIdentityConfig } from "./config";

/** Where the document says it; it is the PRA integration page for Privileged Identity. */
export const PI_DOC = "BeyondTrust PRA integration guide: Privileged Identity";
const doc = (section: string) => `${PI_DOC} § ${section}`;

/** Endpoint of the PI web service, for scopes and the network rule. */
export function piHost(config: PraPrivilegedIdentityConfig): string {
  const url = new URL(config.plugin.endpointUrl);
  return url.port ? `${url.hostname}:${url.port}` : url.hostname;
}

/**
 * What the integration needs granted: the PRA OAuth API account's permissions, the PI
 * delegation identity's impersonation mappings (and, with spin jobs, All Access with
 * Ignore Password Checkout), and the two network rules from the ECM servers.
 */
export function praPrivilegedIdentityGrants(config: PraPrivilegedIdentityConfig): Grant[] {
  const pra = `pra-site:${config.praHost.toLowerCase()}`;
  const pi = `privileged-identity:${piHost(config)}`;
  const source = "pra-privileged-identity";
  const grants: Grant[] = [
    {
      source,
      scope: pra,
      kind: "product-permission",
      name: "Command API: Full Access",
      access: "admin",
      origin: doc("Create an OAuth API account, step 6"),
      note: "the document demands full access: the ECM drives PRA's Command API",
    },
    {
      source,
      scope: pra,
      kind: "product-permission",
      name: "Reporting API: Allow Access to Access Session Reports and Recordings",
      access: "read",
      origin: doc("Create an OAuth API account, step 6"),
    },
    {
      source,
      scope: pra,
      kind: "product-permission",
      name: "Endpoint Credential Manager API: Allow Access",
      access: "write",
      origin: doc("Allow ECM connections"),
      note: `ECM group: ${config.ecmGroup}`,
    },
  ];
  for (const identity of config.impersonates) {
    grants.push({
      source,
      scope: pi,
      kind: "product-permission",
      name: `Web Application Identity Impersonation: ${config.plugin.apiUser} → ${identity}`,
      access: "write",
      origin: doc("Delegation identity, step 4"),
      note: "the delegation identity retrieves credentials on behalf of these identities or roles",
    });
  }
  if (config.plugin.enableSpinJobs) {
    grants.push({
      source,
      scope: pi,
      kind: "product-permission",
      name: "Web Application Global Delegation: All Access (Ignore Password Checkout)",
      access: "admin",
      origin: doc("Delegation identity (auto-spin on check-in)"),
      note: "only because enableSpinJobs is on: spin jobs need All Access",
    });
  }
  for (const ecm of config.ecmHosts) {
    grants.push({
      source,
      scope: `network:${ecm}`,
      kind: "network-allow",
      name: `${ecm} → ${config.praHost.split(":")[0]}:443 (BeyondTrust API)`,
      access: "read",
      origin: doc("Network considerations"),
    });
    grants.push({
      source,
      scope: `network:${ecm}`,
      kind: "network-allow",
      name: `${ecm} → ${piHost(config).split(":")[0]}:443 (PI SDK Web Services)`,
      access: "read",
      origin: doc("Network considerations"),
    });
  }
  return grants;
}
