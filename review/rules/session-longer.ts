import type { ConnectorRule } from "./rule";
import { baselineOf, identitiesOf, trustFieldPath } from "./trust";

const hours = (seconds: number) => `${+(seconds / 3600).toFixed(2)}h`;

/**
 * `session-longer`: an identity whose sessions may last longer than the base allowed (a new
 * identity: longer than any of the connector's base identities; a new connector allowed none).
 */
export const sessionLonger: ConnectorRule = ({ base, head }) => {
  return [...identitiesOf(head).values()].flatMap((identity) => {
    const after = identity.maxSessionSeconds;
    const old = baselineOf(base, identity.identity)?.maxSessionSeconds;
    if (after === undefined || (old !== undefined && after <= old)) return [];
    return [
      {
        rule: "session-longer",
        message: `allows sessions of ${hours(after)} (was ${old === undefined ? "none" : hours(old)})`,
        basePath: trustFieldPath(base, "session"),
        headPath: trustFieldPath(head, "session"),
      },
    ];
  });
};
