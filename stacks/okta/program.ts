import * as okta from "@pulumi/okta";
import type { OktaConnectorConfig } from "../../connectors/okta/config";
import { InsightsOktaConnector } from "./okta-connector";
import { oktaOrg } from "./okta-org";

/**
 * The Pulumi program for one `okta` connector: an Okta provider for its org (the
 * credentials come from the environment, e.g. OKTA_API_TOKEN) and the connector.
 * Outputs are what registration reads: domain, clientId and the secret privateKeyPem.
 */
export function oktaProgram(connector: OktaConnectorConfig, name: string) {
  return async () => oktaStackOutputs(declareOktaConnector(connector, name));
}

/** Declares the provider and the connector; separate so tests can reach every resource. */
export function declareOktaConnector(connector: OktaConnectorConfig, name: string): InsightsOktaConnector {
  const org = oktaOrg(connector.domain);
  const provider = new okta.Provider("okta", { orgName: org.orgName, baseUrl: org.baseUrl });
  return new InsightsOktaConnector(name, { connector }, { providers: [provider] });
}

export function oktaStackOutputs(resources: InsightsOktaConnector) {
  return {
    domain: resources.domain,
    clientId: resources.clientId,
    privateKeyPem: resources.privateKeyPem,
  };
}
