import type { ActingIdentity, TrustRelation } from "../../plan/model";
import { asList, literal, type Template } from "./cloudformation-template";

/**
 * A role without `MaxSessionDuration` allows one hour: "If you do not specify a value for this
 * setting, the default value of one hour is applied" (AWS CloudFormation User Guide,
 * AWS::IAM::Role, MaxSessionDuration).
 */
export const AWS_DEFAULT_MAX_SESSION_SECONDS = 3600;

/** Condition keys whose value is a shared secret: named, never shown. */
const SECRET_CONDITION_KEYS = new Set(["sts:externalid"]);

const PRINCIPAL_TYPES: Record<string, TrustRelation["type"]> = {
  AWS: "aws-principal",
  Service: "aws-service",
  Federated: "federated",
};

/**
 * Who may act as each IAM role of a template, and the StackSet roles in its template bodies:
 * every principal of an Allow statement of the trust policy with its conditions, the permissions
 * boundary and the longest session. A principal type this reader does not know is kept by name.
 */
export function cloudFormationTrust(template: Template, artifact: string): ActingIdentity[] {
  const identities: ActingIdentity[] = [];
  for (const [logicalId, resource] of Object.entries(template.Resources)) {
    if (resource.Type === "AWS::IAM::Role")
      identities.push(roleIdentity(template, logicalId, resource.Properties, `${artifact} Resources.${logicalId}`));
    if (resource.Type === "AWS::CloudFormation::StackSet" && typeof resource.Properties.TemplateBody === "string") {
      const body: Template = JSON.parse(resource.Properties.TemplateBody);
      const where = `${artifact} Resources.${logicalId}.TemplateBody`;
      for (const identity of cloudFormationTrust(body, where))
        identities.push({ ...identity, identity: `${identity.identity} (StackSet ${logicalId})` });
    }
  }
  return identities;
}

function roleIdentity(template: Template, logicalId: string, role: any, artifact: string): ActingIdentity {
  const name = role.RoleName === undefined ? logicalId : literal(template, role.RoleName);
  const trustedBy: TrustRelation[] = [];
  for (const statement of asList(role.AssumeRolePolicyDocument?.Statement) as any[]) {
    if (statement.Effect !== "Allow") continue;
    const conditions = conditionsOf(template, statement.Condition);
    // NotPrincipal with Allow trusts everyone but the principals it names.
    const principal = statement.Principal ?? (statement.NotPrincipal ? "*" : undefined);
    if (principal === "*") {
      trustedBy.push({ type: "aws-principal", principal: "*", conditions });
      continue;
    }
    for (const [type, values] of Object.entries(principal ?? {})) {
      for (const value of asList(values)) {
        const text = literal(template, value);
        const account = /^(?:arn:aws[\w-]*:iam::)?(\d{12})(?::|$)/.exec(text)?.[1];
        trustedBy.push({
          type: PRINCIPAL_TYPES[type] ?? "aws-principal",
          principal: PRINCIPAL_TYPES[type] ? text : `${type}:${text}`,
          ...(account ? { account } : {}),
          conditions,
        });
      }
    }
  }
  return {
    identity: `AWS role ${name}`,
    trustedBy,
    ...(role.PermissionsBoundary === undefined
      ? {}
      : { permissionsBoundary: literal(template, role.PermissionsBoundary) }),
    maxSessionSeconds:
      typeof role.MaxSessionDuration === "number" ? role.MaxSessionDuration : AWS_DEFAULT_MAX_SESSION_SECONDS,
    artifact,
  };
}

/** `StringEquals sts:ExternalId` (a secret: its value is not shown), `StringLike …:sub = repo:acme/*`. */
function conditionsOf(template: Template, condition: Record<string, Record<string, unknown>> | undefined): string[] {
  return Object.entries(condition ?? {})
    .flatMap(([operator, keys]) =>
      Object.entries(keys ?? {}).map(([key, value]) =>
        SECRET_CONDITION_KEYS.has(key.toLowerCase())
          ? `${operator} ${key}`
          : `${operator} ${key} = ${asList(value)
              .map((v) => literal(template, v))
              .join(", ")}`,
      ),
    )
    .sort();
}
