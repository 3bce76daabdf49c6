import type { PlannedValue } from "../kind";
import { defineForm, nameField, plainText, text } from "../registration-form";
import type { AwsConnectorConfig } from "./config";

const roleArn = text.regex(/^arn:aws(?:-us-gov|-cn)?:iam::\d{12}:role\/[\w+=,.@/-]+$/, "must be an IAM role ARN");

/** The AWS connection panel: a name and the role ARN from the stack's `ARN` output. */
export const awsRegistration = defineForm([
  nameField,
  { ...plainText("roleArn", "ARN", roleArn), connectionPoint: true },
]);

export function awsPlannedRegistration(config: AwsConnectorConfig): Record<string, PlannedValue> {
  return {
    name: { from: "config", value: config.name },
    roleArn: { from: "output", output: "ARN" },
  };
}
