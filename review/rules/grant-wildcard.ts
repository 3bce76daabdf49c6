import { describeGrant } from "../grant-changes";
import { fieldPath, type ConnectorRule } from "./rule";

/** `grant-wildcard`: an added or changed grant whose name or resource holds a `*`. */
export const grantWildcard: ConnectorRule = ({ base, head, grants }) =>
  grants.grants
    .filter(
      ({ change, grant }) =>
        change !== "removed" && (grant.name.includes("*") || /Resource .*\*/.test(grant.condition ?? "")),
    )
    .map(({ grant }) => ({
      rule: "grant-wildcard",
      message: `wildcard in ${describeGrant(grant)}`,
      basePath: fieldPath(base),
      headPath: fieldPath(head),
    }));
