import type { ConnectorRule } from "./rule";
import { fieldPath } from "./rule";
import { baselineOf, identitiesOf } from "./trust";

/** `owner-added`: someone becomes an owner of an identity (an owner may add credentials and act as it). */
export const ownerAdded: ConnectorRule = ({ base, head }) => {
  return [...identitiesOf(head).values()].flatMap((identity) => {
    const owners = new Set(baselineOf(base, identity.identity)?.owners ?? []);
    return (identity.owners ?? [])
      .filter((owner) => !owners.has(owner))
      .map((owner) => ({
        rule: "owner-added",
        message: `makes ${owner} an owner (who may add credentials)`,
        basePath: fieldPath(base),
        headPath: fieldPath(head),
      }));
  });
};
