import { pemKeyProblem } from "../common/key-checks";
import type { PlannedValue } from "../kind";
import { defineForm, nameField, plainText, secretText, text } from "../registration-form";
import type { GithubConnectorConfig } from "./config";

/** "Create Github Connector", steps 2 to 5. */
export const githubRegistration = defineForm([
  nameField,
  plainText("appId", "App ID", text.regex(/^\d+$/, "must be a numeric GitHub App ID")),
  { ...secretText("pemKey", "PEM Key"), check: pemKeyProblem },
  {
    ...plainText(
      "installedAppUrl",
      "Installed GitHub App URL",
      text.regex(
        /^https:\/\/[^/]+\/organizations\/[^/]+\/settings\/installations\/\d+$/,
        "must be an installation URL",
      ),
    ),
    connectionPoint: true,
  },
]);

export function githubPlannedRegistration(config: GithubConnectorConfig): Record<string, PlannedValue> {
  return {
    name: { from: "config", value: config.name },
    appId: { from: "output", output: "appId" },
    pemKey: { from: "output", output: "pem" },
    installedAppUrl: { from: "output", output: "installedAppUrl" },
  };
}
