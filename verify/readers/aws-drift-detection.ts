import {
  DescribeStackSetOperationCommand,
  DetectStackSetDriftCommand,
  ListStackInstanceResourceDriftsCommand,
  OperationInProgressException,
} from "@aws-sdk/client-cloudformation";
import { setTimeout as sleep } from "node:timers/promises";
import { UnreadableSourceError, type ReadContext } from "../reading";
import { allPages, awsErrorReason, awsRead, type AwsReadClients } from "./aws-clients";
import type { ResourceDrift } from "./aws-member-drift";

/** How a drift detection of the StackSet ended, as far as verify waited for it. */
export type DriftDetection =
  | { readonly state: "done"; readonly operationId: string }
  | { readonly state: "unfinished"; readonly operationId: string; readonly status: string }
  | { readonly state: "busy" };

/** The longest verify waits for a detection: half the source deadline, at most a minute. */
export const detectionBudgetMs = (context: ReadContext) => Math.min(60_000, context.limits.sourceTimeoutMs / 2);

/**
 * Starts a drift detection of the StackSet (cloudformation:DetectStackSetDrift, whose access level
 * is Read in AWS's Service Authorization Reference: it compares, it changes no resource) and
 * waits for it with DescribeStackSetOperation (Read), polling after 1, 2, 4, 8… s up to the
 * budget. Another operation on the StackSet (OperationInProgressException) is not an error:
 * the last detection's statuses stand, and a fact says so.
 */
export async function detectStackSetDrift(
  clients: AwsReadClients,
  name: string,
  context: ReadContext,
): Promise<DriftDetection> {
  let operationId: string;
  try {
    const started = await clients.cloudFormation.send(
      new DetectStackSetDriftCommand({ StackSetName: name, CallAs: "SELF" }),
    );
    operationId = started.OperationId ?? "";
  } catch (error) {
    if (error instanceof OperationInProgressException) return { state: "busy" };
    throw new UnreadableSourceError(`cloudformation:DetectStackSetDrift ${name}`, awsErrorReason(error), {
      cause: error,
    });
  }
  const deadline = Date.now() + detectionBudgetMs(context);
  let status: string;
  for (let wait = 1000; ; wait = Math.min(wait * 2, 8000)) {
    const described = await awsRead(`cloudformation:DescribeStackSetOperation ${name} ${operationId}`, () =>
      clients.cloudFormation.send(
        new DescribeStackSetOperationCommand({ StackSetName: name, OperationId: operationId, CallAs: "SELF" }),
      ),
    );
    status = described.StackSetOperation?.Status ?? "RUNNING";
    if (!["RUNNING", "QUEUED", "STOPPING"].includes(status)) break;
    if (Date.now() + wait > deadline) return { state: "unfinished", operationId, status };
    await sleep(wait, undefined, { signal: context.signal });
  }
  // FAILED or STOPPED: the instances it reached still carry fresh statuses; the rest their last ones.
  return status === "SUCCEEDED" ? { state: "done", operationId } : { state: "unfinished", operationId, status };
}

/** cloudformation:ListStackInstanceResourceDrifts (List): the modified and deleted resources of one instance. */
export function instanceResourceDrifts(
  clients: AwsReadClients,
  name: string,
  instance: { account: string; region: string },
  operationId: string,
): Promise<ResourceDrift[]> {
  return allPages(
    `cloudformation:ListStackInstanceResourceDrifts ${name} ${instance.account}/${instance.region}`,
    (NextToken) =>
      clients.cloudFormation.send(
        new ListStackInstanceResourceDriftsCommand({
          StackSetName: name,
          StackInstanceAccount: instance.account,
          StackInstanceRegion: instance.region,
          OperationId: operationId,
          StackInstanceResourceDriftStatuses: ["MODIFIED", "DELETED"],
          CallAs: "SELF",
          NextToken,
        }),
      ),
    (page) => page.Summaries,
    (page) => page.NextToken,
  );
}
