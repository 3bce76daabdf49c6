import type { AwsConnectorConfig } from "../../connectors/aws/config";
import type { ExtractedGrant } from "../../plan/extracted-grant";
import { rolesGrants } from "./aws-iam-roles";
import { awsStackSetGrants, stackSetTargets } from "./aws-stack-sets";
import type { Template } from "./cloudformation-template";

/**
 * Grants of the AWS connector stack: the management-account role, and with a StackSet
 * its targets and the member-account role in its template body, which must grant the same.
 */
export function awsTemplateGrants(
  template: Template,
  connector: AwsConnectorConfig,
  artifact: string,
): ExtractedGrant[] {
  const targets = stackSetTargets(template);
  const scope = targets.length ? `aws-organization:${targets[0]}` : `aws-account:${connector.managementAccountId}`;
  return [...rolesGrants(template, scope, artifact), ...awsStackSetGrants(template, scope, artifact)];
}
