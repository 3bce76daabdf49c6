import type { ExtractedGrant } from "../../plan/extracted-grant";
import { rolesGrants } from "./aws-iam-roles";
import { asList, literal, type Template } from "./cloudformation-template";

const stackSetsOf = (template: Template) =>
  Object.entries(template.Resources).filter(([, r]) => r.Type === "AWS::CloudFormation::StackSet");

const targetsOf = (stackSet: Template["Resources"][string]): unknown[] =>
  asList(stackSet.Properties.StackInstancesGroup).flatMap((g: any) =>
    asList(g.DeploymentTargets?.OrganizationalUnitIds),
  );

/** The organizational units the template's StackSets deploy to, in template order. */
export function stackSetTargets(template: Template): string[] {
  return stackSetsOf(template).flatMap(([, stackSet]) => targetsOf(stackSet).map((ou) => literal(template, ou)));
}

/** StackSets: each target OU, and the grants of the roles in the template body deployed to the member accounts. */
export function awsStackSetGrants(template: Template, scope: string, artifact: string): ExtractedGrant[] {
  const grants: ExtractedGrant[] = [];
  for (const [logicalId, stackSet] of stackSetsOf(template)) {
    for (const ou of targetsOf(stackSet)) {
      grants.push({
        source: "aws",
        scope,
        kind: "aws-stackset-target",
        name: literal(template, ou),
        access: "read",
        artifact: `${artifact} Resources.${logicalId}`,
      });
    }
    if (typeof stackSet.Properties.TemplateBody === "string") {
      const body = JSON.parse(stackSet.Properties.TemplateBody);
      grants.push(...rolesGrants(body, scope, `${artifact} Resources.${logicalId}.TemplateBody`));
    }
  }
  return grants;
}
