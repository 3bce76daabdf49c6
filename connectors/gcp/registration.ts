import { gcpOrganizationId } from "../../values/fields";
import { serviceAccountKeyProblem } from "../common/key-checks";
import type { PlannedValue } from "../kind";
import { defineForm, nameField, plainText, secretText } from "../registration-form";
import type { GcpConnectorConfig } from "./config";

/** "Create the Google Cloud Platform Connector", Manual Configuration. */
export const gcpRegistration = defineForm([
  nameField,
  { ...plainText("organizationId", "Organization ID", gcpOrganizationId), connectionPoint: true },
  { ...secretText("serviceAccountKey", "Service Account Key"), check: serviceAccountKeyProblem },
]);

export function gcpPlannedRegistration(config: GcpConnectorConfig): Record<string, PlannedValue> {
  return {
    name: { from: "config", value: config.name },
    organizationId: { from: "config", value: config.organizationId },
    serviceAccountKey: { from: "output", output: "service_account_key" },
  };
}
