import * as pulumi from "@pulumi/pulumi";
import * as okta from "@pulumi/okta";
import type { OktaConnectorConfig } from "../../connectors/okta/config";
import { FIRST_OKTA_KEY_SLOTS, oktaKeySlots, type OktaKeySlots } from "../../connectors/okta/key-rotation";
import { InsightsOktaConnector } from "./okta-connector";
import { oktaOrg } from "./okta-org";

/**
 * The stack config key that holds the app's key slots (JSON). `up` sets it through the
 * Automation API (`stack.setConfig`) to begin and complete a rotation; the program only reads it.
 */
export const OKTA_KEY_SLOTS_CONFIG = "keySlots";

/**
 * The Pulumi program for one `okta` connector: an Okta provider for its org (the
 * credentials come from the environment, e.g. OKTA_API_TOKEN) and the connector.
 * Outputs are what registration reads: domain, clientId and the secret privateKeyPem.
 */
export function oktaProgram(connector: OktaConnectorConfig, name: string) {
  return async () => {
    const keySlots = oktaKeySlotsFromConfig(new pulumi.Config());
    return oktaStackOutputs(declareOktaConnector(connector, name, keySlots));
  };
}

/** The key slots in the stack's config; a stack without them has one key, generation 1. */
export function oktaKeySlotsFromConfig(config: pulumi.Config): OktaKeySlots {
  const raw = config.getObject<unknown>(OKTA_KEY_SLOTS_CONFIG);
  if (raw === undefined) return FIRST_OKTA_KEY_SLOTS;
  const parsed = oktaKeySlots.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${[OKTA_KEY_SLOTS_CONFIG, ...i.path].join(".")}: ${i.message}`);
    const what = `the stack config's ${OKTA_KEY_SLOTS_CONFIG} is not valid`;
    throw new Error(`${what}: ${problems.join("; ")}. Nothing was changed.`);
  }
  return parsed.data;
}

/** Declares the provider and the connector; separate so tests can reach every resource. */
export function declareOktaConnector(
  connector: OktaConnectorConfig,
  name: string,
  keySlots?: OktaKeySlots,
): InsightsOktaConnector {
  const org = oktaOrg(connector.domain);
  const provider = new okta.Provider("okta", { orgName: org.orgName, baseUrl: org.baseUrl });
  return new InsightsOktaConnector(name, { connector, ...(keySlots ? { keySlots } : {}) }, { providers: [provider] });
}

/** What registration, `status` and `up` read: the key to register, its generation and age. */
export function oktaStackOutputs(resources: InsightsOktaConnector) {
  return {
    domain: resources.domain,
    clientId: resources.clientId,
    privateKeyPem: resources.privateKeyPem,
    keyGeneration: resources.keyGeneration,
    ...(resources.keyCreatedAt ? { keyCreatedAt: resources.keyCreatedAt } : {}),
  };
}
