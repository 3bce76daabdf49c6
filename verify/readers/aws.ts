import { awsScope } from "../../connectors/aws/grants";
import type { AwsConnectorConfig } from "../../connectors/aws/config";
import type { SourceReader, SourceReading } from "../reading";
import { awsReadClients } from "./aws-clients";
import { readAwsRole } from "./aws-role";
import { readAwsStackSet } from "./aws-stackset";

/**
 * AWS: the management account's role through IAM, and with `organization` the member
 * StackSet through CloudFormation (its targets, instances and a drift detection of the
 * member roles) and Organizations. Calls AWS classes Read or List only; docs/verify.md lists
 * them as the least privilege this reader needs.
 */
export const awsReader: SourceReader<AwsConnectorConfig> = {
  kind: "aws",
  async read(connector, context): Promise<SourceReading> {
    const clients = awsReadClients(context);
    const scope = awsScope(connector);
    try {
      const role = await readAwsRole(clients, connector, scope, context);
      if (!connector.organization) return role;
      const stackSet = await readAwsStackSet(clients, connector, scope, context);
      return {
        grants: [...(role.grants ?? []), ...(stackSet.grants ?? [])],
        facts: [...role.facts, ...stackSet.facts],
        drift: [...(role.drift ?? []), ...(stackSet.drift ?? [])],
      };
    } finally {
      clients.destroy();
    }
  },
};
