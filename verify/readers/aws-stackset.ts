import {
  DescribeStackSetCommand,
  ListStackInstancesCommand,
  StackSetNotFoundException,
  type StackInstanceSummary,
  type StackSet,
} from "@aws-sdk/client-cloudformation";
import {
  DescribeOrganizationCommand,
  ListAccountsForParentCommand,
  ListOrganizationalUnitsForParentCommand,
} from "@aws-sdk/client-organizations";
import type { AwsConnectorConfig } from "../../connectors/aws/config";
import { memberStackSetName } from "../../stacks/aws/member-stack-set-name";
import type { ExtractedGrant } from "../../plan/extracted-grant";
import type { Drift, Fact, ReadContext, SourceReading } from "../reading";
import { allPages, awsRead, type AwsReadClients } from "./aws-clients";
import { detectStackSetDrift } from "./aws-drift-detection";
import { memberRoleDrift } from "./aws-member-checks";

/** Active accounts under an OU, at any depth (Organizations lists one level per call). */
async function accountsUnder(clients: AwsReadClients, parentId: string, depth = 0): Promise<string[]> {
  // Organizations nests OUs at most five levels below the root (Organizations quotas).
  if (depth > 6) return [];
  const accounts = await allPages(
    `organizations:ListAccountsForParent ${parentId}`,
    (NextToken) => clients.organizations.send(new ListAccountsForParentCommand({ ParentId: parentId, NextToken })),
    (page) => page.Accounts,
    (page) => page.NextToken,
  );
  const units = await allPages(
    `organizations:ListOrganizationalUnitsForParent ${parentId}`,
    (NextToken) =>
      clients.organizations.send(new ListOrganizationalUnitsForParentCommand({ ParentId: parentId, NextToken })),
    (page) => page.OrganizationalUnits,
    (page) => page.NextToken,
  );
  const nested = [];
  for (const unit of units) nested.push(...(await accountsUnder(clients, unit.Id ?? "", depth + 1)));
  return [...accounts.filter((a) => a.Status === undefined || a.Status === "ACTIVE").map((a) => a.Id ?? ""), ...nested];
}

function stackInstances(clients: AwsReadClients, name: string): Promise<StackInstanceSummary[]> {
  return allPages(
    `cloudformation:ListStackInstances ${name}`,
    (NextToken) =>
      clients.cloudFormation.send(new ListStackInstancesCommand({ StackSetName: name, CallAs: "SELF", NextToken })),
    (page) => page.Summaries,
    (page) => page.NextToken,
  );
}

/** The StackSet, or undefined when none has that name: one call, where listing instances takes a page per 100. */
async function describeStackSet(clients: AwsReadClients, name: string): Promise<StackSet | undefined> {
  try {
    const described = await awsRead(`cloudformation:DescribeStackSet ${name}`, () =>
      clients.cloudFormation.send(new DescribeStackSetCommand({ StackSetName: name, CallAs: "SELF" })),
    );
    return described.StackSet ?? {};
  } catch (error) {
    if ((error as { cause?: unknown }).cause instanceof StackSetNotFoundException) return undefined;
    throw error;
  }
}

/** An instance that holds the role: CURRENT, and its last operation succeeded. */
const holdsRole = (i: StackInstanceSummary) =>
  i.Status === "CURRENT" && (i.StackInstanceStatus?.DetailedStatus ?? "SUCCEEDED") === "SUCCEEDED";

/**
 * With `organization`: the StackSet's targets (as `aws-stackset-target` grants) and its
 * instance in every active member account under the root OU; an account without a
 * current instance has no role, which is drift. The management account is not a
 * target of a service-managed StackSet, so it is left out. The member roles themselves
 * are checked by a drift detection of the StackSet and, where allowed, one read directly.
 */
export async function readAwsStackSet(
  clients: AwsReadClients,
  connector: AwsConnectorConfig,
  scope: string,
  context: ReadContext,
): Promise<SourceReading> {
  const rootOrgUnitId = connector.organization!.rootOrgUnitId;
  const name = memberStackSetName(context.stackName);
  const artifact = `StackSet ${name} (${clients.region})`;
  const stackSet = await describeStackSet(clients, name);
  if (!stackSet) {
    return {
      grants: [],
      facts: [],
      drift: [{ change: "missing", subject: `StackSet ${name}`, detail: `not found in ${clients.region}` }],
    };
  }
  const detection = await detectStackSetDrift(clients, name, context);
  // Listed once, after the detection, so each instance carries the status it found.
  const instances = await stackInstances(clients, name);
  const targets = new Set([
    ...(stackSet.OrganizationalUnitIds ?? []),
    ...instances.map((i) => i.OrganizationalUnitId ?? "").filter(Boolean),
  ]);
  const grants: ExtractedGrant[] = [...targets].sort().map((ou) => ({
    source: "aws",
    scope,
    kind: "aws-stackset-target",
    name: ou,
    access: "read",
    artifact,
  }));

  const organization = await awsRead("organizations:DescribeOrganization", () =>
    clients.organizations.send(new DescribeOrganizationCommand({})),
  );
  const management = organization.Organization?.MasterAccountId;
  const members = (await accountsUnder(clients, rootOrgUnitId)).filter((id) => id && id !== management).sort();
  const byAccount = new Map(instances.map((i) => [i.Account ?? "", i]));
  const drift: Drift[] = [];
  for (const account of members) {
    const instance = byAccount.get(account);
    if (instance && holdsRole(instance)) continue;
    const state = instance
      ? `instance ${instance.Status}/${instance.StackInstanceStatus?.DetailedStatus ?? "?"}`
      : "no stack instance";
    drift.push({
      change: "account without role",
      subject: `aws-account:${account}`,
      detail: `${state} of ${name}`,
      where: artifact,
    });
  }
  const facts: Fact[] = [
    { label: "member accounts with the role", value: `${members.length - drift.length} of ${members.length}` },
  ];
  const roles = await memberRoleDrift(
    clients,
    connector,
    { name, artifact },
    { detection, instances, members },
    context,
  );
  return { grants, facts: [...facts, ...roles.facts], drift: [...drift, ...roles.drift] };
}
