import { parseConfig } from "../../config/load";
import { ConfigError, type ConfigProblem } from "../../config/problems";

/** A valid tenant header; connectors are appended as YAML list items. */
export function configWith(connectors: string[], insights = "adapter: sheet", tenantName = "acme"): string {
  const items = connectors.map((c) =>
    c
      .trim()
      .split("\n")
      .map((line, i) => (i === 0 ? `      - ${line}` : `        ${line}`))
      .join("\n"),
  );
  return [
    "version: 1",
    "tenants:",
    `  - name: ${tenantName}`,
    "    insights:",
    ...insights.split("\n").map((l) => `      ${l}`),
    "    connectors:",
    ...(items.length ? items : ["      []"]),
    "",
  ].join("\n");
}

/** 1-based line of the first line containing `needle`; fails loudly if absent. */
export function lineOf(text: string, needle: string): number {
  const index = text.split("\n").findIndex((line) => line.includes(needle));
  if (index < 0) throw new Error(`"${needle}" is not in the config text`);
  return index + 1;
}

/** The problems a config text produces (empty when it is valid). */
export function problemsOf(text: string, dir = "/nonexistent"): ConfigProblem[] {
  try {
    parseConfig(text, "tenants.yaml", dir);
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return [...error.problems];
    throw error;
  }
}

export const VALID = {
  aws: `kind: aws
name: AWS
managementAccountId: "111111111111"
trustedPrincipal: arn:aws:iam::222222222222:root
externalId: env:EXTERNAL_ID`,
  azure: `kind: azure
name: Entra
tenantId: 0f5b7c1e-0000-4000-8000-000000000001`,
  gcp: `kind: gcp
name: GCP
organizationId: "123456789012"
project: { id: bt-insights-connector }`,
  okta: `kind: okta
name: Okta
domain: acme.okta.com`,
  pingone: `kind: pingone
name: Ping
environmentId: 3f1a2b4c-0000-4000-8000-000000000002
region: EU`,
  github: `kind: github
name: GH
organization: acme`,
  "pra-cloud": `kind: pra-cloud
name: PRA
subdomain: acme.beyondtrustcloud.com
clientId: abc123
clientSecret: env:PRA_SECRET`,
  "remote-support-cloud": `kind: remote-support-cloud
name: RS
domain: acme.beyondtrustcloud.com
clientId: env:RS_ID
clientSecret: env:RS_SECRET`,
  "epm-cloud": `kind: epm-cloud
name: EPM
domain: https://acme.pm.beyondtrustcloud.com
clientId: env:EPM_ID
clientSecret: env:EPM_SECRET`,
  "password-safe-cloud": `kind: password-safe-cloud
name: PS
domain: https://acme.ps.beyondtrustcloud.com
apiKey: env:PS_KEY
username: svc`,
  "password-safe-onprem": `kind: password-safe-onprem
name: PS HQ
url: https://ps.corp.example/
apiKey: env:PS_KEY
username: svc`,
  "active-directory": `kind: active-directory
name: AD`,
} as const;

/** A config with one PRA ↔ PI integration whose PRA and Privileged Identity hosts are the given ones. */
export function integrationConfig(praHost: string, endpointUrl: string): string {
  return configWith([
    [
      "kind: pra-privileged-identity",
      "name: PRA to PI",
      `praHost: "${praHost}"`,
      "ecmHosts: [ecm01.acme-inc.com]",
      "impersonates: [ACME\\PAM-Operators]",
      "plugin:",
      `  endpointUrl: ${endpointUrl}`,
      "  apiUser: svc-ecm",
      "  apiPassword: env:PI_PASSWORD",
      "  apiRegistrationKey: env:PI_KEY",
      "  globalApprover: svc-approver",
      "  mapDomains: [acme-inc.com=ACME]",
      "  fallbackToLocalAccount: true",
    ].join("\n"),
  ]);
}
