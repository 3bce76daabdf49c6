import { awsActionAccess } from "../access/aws-action";
import { awsManagedPolicyAccess } from "../access/aws-managed-policy";
import type { ExtractedGrant } from "../../plan/extracted-grant";
import { asList, literal, type Template } from "./cloudformation-template";

/** The conditions of a trust statement as the catalog writes them, e.g. `StringEquals sts:ExternalId`. */
function conditionText(condition: Record<string, Record<string, unknown>> | undefined): string | undefined {
  if (!condition) return undefined;
  const parts = Object.entries(condition).flatMap(([operator, keys]) =>
    Object.keys(keys).map((key) => `${operator} ${key}`),
  );
  return parts.length ? parts.sort().join(", ") : undefined;
}

/** Grants of every IAM role in a template: trust, managed policies, inline actions (and their resources). */
export function rolesGrants(template: Template, scope: string, artifact: string): ExtractedGrant[] {
  const grants: ExtractedGrant[] = [];
  for (const [logicalId, resource] of Object.entries(template.Resources)) {
    if (resource.Type !== "AWS::IAM::Role") continue;
    const where = `${artifact} Resources.${logicalId}`;
    const base = { source: "aws", scope, artifact: where } as const;
    for (const statement of asList(resource.Properties.AssumeRolePolicyDocument?.Statement)) {
      if (statement.Effect !== "Allow") continue;
      for (const principal of asList(statement.Principal?.AWS)) {
        grants.push({
          ...base,
          kind: "trust",
          name: literal(template, principal),
          access: "read",
          condition: conditionText(statement.Condition),
        });
      }
    }
    for (const arn of asList(resource.Properties.ManagedPolicyArns)) {
      const name = literal(template, arn);
      grants.push({ ...base, kind: "aws-managed-policy", name, access: awsManagedPolicyAccess(name) });
    }
    const inline = asList(resource.Properties.Policies).map((policy: any) => ({
      document: policy.PolicyDocument,
      where,
    }));
    // Policies attached from outside the role (AWS::IAM::Policy with Roles: [Ref role]) grant just the same.
    const attached = Object.entries(template.Resources)
      .filter(
        ([, r]) =>
          (r.Type === "AWS::IAM::Policy" || r.Type === "AWS::IAM::ManagedPolicy") &&
          asList(r.Properties.Roles).some((ref: any) => ref?.Ref === logicalId),
      )
      .map(([id, r]) => ({ document: r.Properties.PolicyDocument, where: `${artifact} Resources.${id}` }));
    for (const { document, where: at } of [...inline, ...attached])
      grants.push(...statementGrants(template, document, { ...base, artifact: at }));
  }
  return grants;
}

/** Each allowed action of a policy document, with its resources when they are not simply "*". */
function statementGrants(
  template: Template,
  document: any,
  base: Pick<ExtractedGrant, "source" | "scope" | "artifact">,
): ExtractedGrant[] {
  const grants: ExtractedGrant[] = [];
  for (const statement of asList(document?.Statement) as any[]) {
    if (statement.Effect !== "Allow") continue;
    const resources = asList(statement.Resource).map((r) => literal(template, r));
    for (const action of asList(statement.Action)) {
      const name = literal(template, action);
      // Actions are account-wide reads (Resource "*"); a narrower resource is noted, a wildcard action is admin.
      grants.push({
        ...base,
        kind: "aws-action",
        name,
        access: awsActionAccess(name),
        ...(resources.join(",") !== "*" ? { condition: `Resource ${resources.join(",")}` } : {}),
      });
    }
  }
  return grants;
}
