import type { StackInstanceSummary } from "@aws-sdk/client-cloudformation";
import type { AwsConnectorConfig } from "../../connectors/aws/config";
import { IDENTITY_READ_ACTIONS } from "../../connectors/aws/read-actions";
import type { Drift, Fact, ReadContext } from "../reading";
import type { AwsReadClients } from "./aws-clients";
import { instanceResourceDrifts, type DriftDetection } from "./aws-drift-detection";
import { memberResourceDrift } from "./aws-member-drift";
import { readMemberRole } from "./aws-member-role";

/** The inline actions the catalog grants: an added action is extra only if it is not one of them. */
const CATALOG_ACTIONS: ReadonlySet<string> = new Set(Object.values(IDENTITY_READ_ACTIONS).flat());

function detectionFact(detection: DriftDetection, instances: readonly StackInstanceSummary[]): Fact {
  const count = (status: string) => instances.filter((i) => i.DriftStatus === status).length;
  const tally = `${count("IN_SYNC")} in sync, ${count("DRIFTED")} drifted, ${
    instances.length - count("IN_SYNC") - count("DRIFTED")
  } not checked`;
  if (detection.state === "done")
    return { label: "member drift detection", value: `${detection.operationId}: ${tally}` };
  if (detection.state === "busy") {
    return {
      label: "member drift detection",
      value: `not started: another operation runs on the StackSet; statuses of the last detection: ${tally}`,
    };
  }
  return {
    label: "member drift detection",
    value: `${detection.operationId} ${detection.status} when verify stopped waiting; statuses so far: ${tally}`,
  };
}

/**
 * What CloudFormation's drift detection says of the member accounts' roles (each modified or
 * deleted resource of a drifted instance, in verify's words), and the role of one member
 * account read directly where the environment allows it.
 */
export async function memberRoleDrift(
  clients: AwsReadClients,
  connector: AwsConnectorConfig,
  stack: { name: string; artifact: string },
  found: { detection: DriftDetection; instances: readonly StackInstanceSummary[]; members: readonly string[] },
  context: ReadContext,
): Promise<{ drift: Drift[]; facts: Fact[] }> {
  const { detection, instances, members } = found;
  const drift: Drift[] = [];
  const drifted = instances.filter((i) => i.DriftStatus === "DRIFTED" && members.includes(i.Account ?? ""));
  for (const instance of drifted) {
    const account = instance.Account!;
    const region = instance.Region ?? clients.region;
    if (detection.state === "busy") {
      drift.push({
        change: "condition changed",
        subject: `IAM role ${connector.roleName} @ aws-account:${account}`,
        access: "write",
        detail: `DRIFTED at the last detection (${instance.LastDriftCheckTimestamp?.toISOString() ?? "?"}); run verify again for what`,
        where: stack.artifact,
      });
      continue;
    }
    const where = `${stack.artifact}, drift detection ${detection.operationId}, ${account}/${region}`;
    const resources = await instanceResourceDrifts(clients, stack.name, { account, region }, detection.operationId);
    drift.push(...resources.flatMap((resource) => memberResourceDrift(account, resource, CATALOG_ACTIONS, where)));
  }
  const direct = await readMemberRole(connector, members, context);
  return { drift: [...drift, ...direct.drift], facts: [detectionFact(detection, instances), ...direct.facts] };
}
