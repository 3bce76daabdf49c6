import { pemKeyProblem } from "../common/key-checks";
import type { PlannedValue } from "../kind";
import { defineForm, plainText, secretText, text } from "../registration-form";
import type { OktaConnectorConfig } from "./config";

/** "Create Okta Connector", steps 1, 3 and 4. */
export const oktaRegistration = defineForm([
  plainText("name", "Connector Name"),
  {
    ...plainText("domain", "Okta Domain URL", text.regex(/^[a-z0-9.-]+$/i, "must be a domain like acme.okta.com")),
    connectionPoint: true,
  },
  plainText("clientId", "Client ID"),
  { ...secretText("pemKey", "PEM Key"), check: pemKeyProblem },
]);

export function oktaPlannedRegistration(config: OktaConnectorConfig): Record<string, PlannedValue> {
  return {
    name: { from: "config", value: config.name },
    domain: { from: "config", value: config.domain.toLowerCase() },
    clientId: { from: "output", output: "clientId" },
    pemKey: { from: "output", output: "privateKeyPem" },
  };
}
