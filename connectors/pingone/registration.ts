import { guid } from "../../values/fields";
import type { PlannedValue } from "../kind";
import { defineForm, nameField, plainText, secretText } from "../registration-form";
import type { PingOneConnectorConfig } from "./config";

/** "Create PingOne Connector", steps 1 and 2. */
export const pingoneRegistration = defineForm([
  nameField,
  plainText("clientId", "Client ID", guid),
  secretText("clientSecret", "Client Secret"),
  { ...plainText("environmentId", "Environment ID", guid), connectionPoint: true },
]);

export function pingonePlannedRegistration(config: PingOneConnectorConfig): Record<string, PlannedValue> {
  return {
    name: { from: "config", value: config.name },
    clientId: { from: "output", output: "client_id" },
    clientSecret: { from: "output", output: "client_secret" },
    environmentId: { from: "config", value: config.environmentId },
  };
}
