import { describeGrant } from "../grant-changes";
import { fieldPath, type ConnectorRule } from "./rule";

/**
 * `grant-access-widened`: every grant above read that the base did not hold at that level (a new
 * write or admin grant, or a read grant become write). A new connector's grants are all new.
 */
export const grantAccessWidened: ConnectorRule = ({ base, head, grants }) =>
  grants.grants
    .filter(
      ({ change, grant, before }) =>
        change !== "removed" && grant.access !== "read" && (!before || before.access === "read"),
    )
    .map(({ grant }) => ({
      rule: "grant-access-widened",
      message: `grants ${grant.access} ${describeGrant(grant)}`,
      basePath: fieldPath(base),
      headPath: fieldPath(head),
    }));
