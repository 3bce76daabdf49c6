import {
  GetRoleCommand,
  GetRolePolicyCommand,
  ListAttachedRolePoliciesCommand,
  ListRolePoliciesCommand,
  NoSuchEntityException,
  type Role,
} from "@aws-sdk/client-iam";
import type { AwsConnectorConfig } from "../../connectors/aws/config";
import { rolesGrants } from "../../review/extract/aws-iam-roles";
import type { ExtractedGrant } from "../../plan/extracted-grant";
import { UnreadableSourceError, type Drift, type Fact, type ReadContext, type SourceReading } from "../reading";
import { allPages, awsErrorReason, awsRead, type AwsReadClients } from "./aws-clients";
import { externalIdDrift } from "./aws-external-id";

type PolicyDocument = { Statement?: unknown };

/** IAM returns policy documents URL-encoded (RFC 3986), as the IAM API reference says of every `*PolicyDocument`. */
function policyDocument(encoded: string | undefined, what: string): PolicyDocument {
  try {
    return JSON.parse(decodeURIComponent(encoded ?? "{}")) as PolicyDocument;
  } catch {
    throw new UnreadableSourceError(what, "the policy document is not JSON");
  }
}

/** A one-role template, so the grants are read by the same extractor `plan` uses on the synthesized stack. */
function oneRole(name: string, properties: Record<string, unknown>) {
  return { Resources: { [name]: { Type: "AWS::IAM::Role", Properties: properties } } };
}

const withArtifact = (grants: ExtractedGrant[], artifact: string) => grants.map((g) => ({ ...g, artifact }));

/**
 * Allow statements with NotAction or NotResource grant everything they do not name; the
 * template extractor only reads Action, so they are reported here as admin, never missed.
 */
function inverseStatements(
  document: PolicyDocument,
  base: Pick<ExtractedGrant, "source" | "scope" | "artifact">,
): ExtractedGrant[] {
  const statements = ([] as any[]).concat(document.Statement ?? []);
  return statements
    .filter((s) => s?.Effect === "Allow" && (s.NotAction !== undefined || s.NotResource !== undefined))
    .map((s) => ({
      ...base,
      kind: "aws-action" as const,
      name:
        s.NotAction !== undefined
          ? `NotAction ${[].concat(s.NotAction).join(",")}`
          : `${[].concat(s.Action).join(",")}`,
      access: "admin" as const,
      ...(s.NotResource !== undefined ? { condition: `NotResource ${[].concat(s.NotResource).join(",")}` } : {}),
    }));
}

type IamReader = Pick<AwsReadClients, "iam">;

async function inlinePolicyGrants(clients: IamReader, role: string, scope: string): Promise<ExtractedGrant[]> {
  const names = await allPages(
    `iam:ListRolePolicies ${role}`,
    (Marker) => clients.iam.send(new ListRolePoliciesCommand({ RoleName: role, Marker })),
    (page) => page.PolicyNames,
    (page) => (page.IsTruncated ? page.Marker : undefined),
  );
  const grants: ExtractedGrant[] = [];
  for (const name of names.sort()) {
    const what = `iam:GetRolePolicy ${role} ${name}`;
    const answer = await awsRead(what, () =>
      clients.iam.send(new GetRolePolicyCommand({ RoleName: role, PolicyName: name })),
    );
    const document = policyDocument(answer.PolicyDocument, what);
    const artifact = `IAM role ${role}, inline policy ${name}`;
    const found = rolesGrants(oneRole(role, { Policies: [{ PolicyDocument: document }] }), scope, artifact);
    grants.push(...withArtifact(found, artifact), ...inverseStatements(document, { source: "aws", scope, artifact }));
  }
  return grants;
}

async function attachedPolicyGrants(clients: IamReader, role: string, scope: string): Promise<ExtractedGrant[]> {
  const attached = await allPages(
    `iam:ListAttachedRolePolicies ${role}`,
    (Marker) => clients.iam.send(new ListAttachedRolePoliciesCommand({ RoleName: role, Marker })),
    (page) => page.AttachedPolicies,
    (page) => (page.IsTruncated ? page.Marker : undefined),
  );
  const arns = attached
    .map((p) => p.PolicyArn ?? "")
    .filter(Boolean)
    .sort();
  const artifact = `IAM role ${role}, attached managed policies`;
  return withArtifact(rolesGrants(oneRole(role, { ManagedPolicyArns: arns }), scope, artifact), artifact);
}

async function getRole(clients: IamReader, name: string): Promise<Role | undefined> {
  try {
    return (await clients.iam.send(new GetRoleCommand({ RoleName: name }))).Role;
  } catch (error) {
    if (error instanceof NoSuchEntityException) return undefined;
    throw new UnreadableSourceError(`iam:GetRole ${name}`, awsErrorReason(error), { cause: error });
  }
}

/** Checks the boundary the config asks for; one the config does not ask for is only shown. */
function boundaryDrift(connector: AwsConnectorConfig, role: Role): Drift[] {
  const actual = role.PermissionsBoundary?.PermissionsBoundaryArn;
  if ((connector.permissionsBoundary ?? actual) === actual) return [];
  return [
    {
      change: "condition changed",
      subject: `permissions boundary of IAM role ${connector.roleName}`,
      detail: `config ${connector.permissionsBoundary ?? "none"}, deployed ${actual ?? "none"}`,
    },
  ];
}

/** Which account the credentials must be for, and how to say so when they are not. */
export interface ExpectedAccount {
  readonly accounts: readonly string[];
  /** e.g. `the config's managementAccountId is 1…; use credentials of the management account`. */
  readonly otherwise: string;
}

/** The management account, as the config names it. */
export const managementAccount = (connector: AwsConnectorConfig): ExpectedAccount => ({
  accounts: [connector.managementAccountId],
  otherwise:
    `the config's managementAccountId is ${connector.managementAccountId}; ` +
    "use credentials of the management account",
});

/**
 * The connector's role in one account (the management account unless `expected` says
 * otherwise): trust policy (and its `sts:ExternalId` value), attached managed policies and
 * inline policies, as grants in the catalog's vocabulary. `label` prefixes each artifact.
 */
export async function readAwsRole(
  clients: Pick<AwsReadClients, "iam">,
  connector: AwsConnectorConfig,
  scope: string,
  context: ReadContext,
  expected: ExpectedAccount = managementAccount(connector),
): Promise<SourceReading & { account?: string }> {
  const name = connector.roleName;
  const role = await getRole(clients, name);
  if (!role) {
    const detail = "iam:GetRole says NoSuchEntity in the account of the current credentials";
    return { grants: [], facts: [], drift: [{ change: "missing", subject: `IAM role ${name}`, detail }] };
  }
  const account = role.Arn?.split(":")[4];
  if (account && !expected.accounts.includes(account)) {
    throw new UnreadableSourceError(
      `iam:GetRole ${name}`,
      `the credentials are for account ${account}, ${expected.otherwise}`,
    );
  }
  const trust = policyDocument(role.AssumeRolePolicyDocument, `iam:GetRole ${name}`);
  const trustArtifact = `IAM role ${name}, trust policy`;
  const grants = [
    ...withArtifact(
      rolesGrants(oneRole(name, { AssumeRolePolicyDocument: trust }), scope, trustArtifact),
      trustArtifact,
    ),
    ...(await attachedPolicyGrants(clients, name, scope)),
    ...(await inlinePolicyGrants(clients, name, scope)),
  ];
  const external = externalIdDrift(connector, trust, context, trustArtifact);
  const facts: Fact[] = [{ label: "role", value: role.Arn ?? name }, ...external.facts];
  return { grants, facts, drift: [...external.drift, ...boundaryDrift(connector, role)], account };
}
