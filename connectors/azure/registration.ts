import type { PlannedValue } from "../kind";
import { defineForm, nameField, plainText, secretText } from "../registration-form";
import { guid } from "../../values/fields";
import type { AzureConnectorConfig } from "./config";

/** "Create Microsoft Azure Connector", step 5. */
export const azureRegistration = defineForm([
  nameField,
  { ...plainText("tenantId", "Tenant ID", guid), connectionPoint: true },
  plainText("directoryName", "Directory Name"),
  plainText("clientId", "Client ID", guid),
  secretText("clientSecret", "Client Secret"),
]);

export function azurePlannedRegistration(config: AzureConnectorConfig): Record<string, PlannedValue> {
  return {
    name: { from: "config", value: config.name },
    tenantId: { from: "config", value: config.tenantId },
    directoryName: { from: "output", output: "directory_name" },
    clientId: { from: "output", output: "client_id" },
    clientSecret: { from: "output", output: "client_secret" },
  };
}
