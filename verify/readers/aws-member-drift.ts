import type { AccessLevel } from "../../connectors/grant";
import { awsActionAccess } from "../../review/access/aws-action";
import { awsManagedPolicyAccess } from "../../review/access/aws-managed-policy";
import { printable } from "../../providers/text/printable";
import type { Drift } from "../reading";

/*
 * CloudFormation's StackInstanceResourceDriftsSummary and PropertyDifference (boto/botocore
 * botocore/data/cloudformation/2010-05-15/service-2.json @ cd9207757d459bba9c524475b601e59f55760a3a,
 * the same model as botocore 1.43.11 installed here): per resource its drift status
 * (MODIFIED, DELETED, …) and per property the path, the expected and actual value and
 * ADD | REMOVE | NOT_EQUAL.
 */
export interface PropertyDifference {
  PropertyPath?: string;
  ExpectedValue?: string;
  ActualValue?: string;
  DifferenceType?: string;
}
export interface ResourceDrift {
  LogicalResourceId?: string;
  ResourceType?: string;
  StackResourceDriftStatus?: string;
  PropertyDifferences?: PropertyDifference[];
}

/** A property value: JSON when it parses (an object, a list, a quoted string), else the text itself. */
function parsed(value: string | undefined): unknown {
  if (value === undefined) return undefined;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

/** Every IAM action a policy value names: `Action` entries (and `NotAction`, which grants all others). */
export function actionsIn(value: unknown, path: string): { actions: string[]; notActions: string[] } {
  const actions: string[] = [];
  const notActions: string[] = [];
  const strings = (v: unknown): string[] => (Array.isArray(v) ? v : [v]).filter((x) => typeof x === "string");
  // A path ending in …/Action or …/Action/3 points at the actions themselves.
  if (/\/NotAction(\/\d+)?$/.test(path)) notActions.push(...strings(value));
  else if (/\/Action(\/\d+)?$/.test(path)) actions.push(...strings(value));
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === "object") {
      for (const [key, inner] of Object.entries(v)) {
        if (key === "Action") actions.push(...strings(inner));
        else if (key === "NotAction") notActions.push(...strings(inner));
        else walk(inner);
      }
    }
  };
  walk(value);
  return { actions, notActions };
}

const shown = (value: string | undefined) => printable(value ?? "none").slice(0, 160);

/**
 * One resource drift of a member account's stack instance in verify's words, so a role edited out
 * of band is named as precisely as the management account's: an attached managed policy or an
 * inline action beyond the catalog is extra at its level, one taken away is missing, the trust
 * policy changed is said without its values (they hold the external ID), a deleted role leaves
 * the account without it. Anything else is a changed condition, at write (never read) when unknown.
 */
export function memberResourceDrift(
  account: string,
  resource: ResourceDrift,
  catalogActions: ReadonlySet<string>,
  where: string,
): Drift[] {
  const scope = `aws-account:${account}`;
  const logical = printable(resource.LogicalResourceId ?? "?");
  const type = printable(resource.ResourceType ?? "?");
  if (resource.StackResourceDriftStatus === "DELETED") {
    return [
      { change: "account without role", subject: scope, detail: `${type} ${logical} deleted outside the stack`, where },
    ];
  }
  if (resource.StackResourceDriftStatus !== "MODIFIED") return [];
  return (resource.PropertyDifferences ?? []).flatMap((difference): Drift[] => {
    const path = printable(difference.PropertyPath ?? "");
    const kind = difference.DifferenceType ?? "NOT_EQUAL";
    const added = kind !== "REMOVE";
    const removed = kind !== "ADD";
    if (type === "AWS::IAM::Role" && path.startsWith("/ManagedPolicyArns")) {
      const drift: Drift[] = [];
      if (added && difference.ActualValue) {
        const arn = printable(String(parsed(difference.ActualValue)));
        drift.push({
          change: "extra",
          subject: `aws-managed-policy ${arn} @ ${scope}`,
          access: awsManagedPolicyAccess(arn),
          where,
        });
      }
      if (removed && difference.ExpectedValue) {
        const arn = printable(String(parsed(difference.ExpectedValue)));
        drift.push({ change: "missing", subject: `aws-managed-policy ${arn} @ ${scope}`, where });
      }
      return drift;
    }
    if (type === "AWS::IAM::Role" && path.startsWith("/Policies")) {
      const actual = added ? actionsIn(parsed(difference.ActualValue), path) : { actions: [], notActions: [] };
      const expected = removed ? actionsIn(parsed(difference.ExpectedValue), path) : { actions: [], notActions: [] };
      const extra: Drift[] = [
        ...actual.actions
          .filter((action) => !catalogActions.has(action) && !expected.actions.includes(action))
          .map((action): Drift => ({
            change: "extra",
            subject: `aws-action ${printable(action)} @ ${scope}`,
            access: awsActionAccess(action),
            where,
          })),
        ...actual.notActions.map((action): Drift => ({
          change: "extra",
          subject: `aws-action NotAction ${printable(action)} @ ${scope}`,
          access: "admin",
          where,
        })),
      ];
      const missing = expected.actions
        .filter((action) => catalogActions.has(action) && !actual.actions.includes(action))
        .map((action): Drift => ({ change: "missing", subject: `aws-action ${printable(action)} @ ${scope}`, where }));
      if (extra.length || missing.length) return [...extra, ...missing];
    }
    if (type === "AWS::IAM::Role" && path.startsWith("/AssumeRolePolicyDocument")) {
      return [
        {
          change: "trust condition changed",
          subject: `trust of IAM role ${logical} @ ${scope}`,
          detail: `${path} ${kind}; values not shown: the trust policy holds the external ID`,
          where,
        },
      ];
    }
    const access: AccessLevel = "write";
    return [
      {
        change: "condition changed",
        subject: `${type} ${logical} ${path} @ ${scope}`,
        access,
        detail: `${kind}: expected ${shown(difference.ExpectedValue)}, deployed ${shown(difference.ActualValue)}`,
        where,
      },
    ];
  });
}
