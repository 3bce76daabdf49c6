import type { ConnectorRule } from "./rule";
import { baselineOf, identitiesOf, trustFieldPath } from "./trust";

/**
 * `boundary-removed-or-changed`: an identity that had a permissions boundary (for a new identity:
 * that any of the connector's base identities had) lost it or got another one, whose policy this
 * diff cannot read: it may allow anything. Adding a boundary narrows and passes.
 */
export const permissionsBoundary: ConnectorRule = ({ base, head }) => {
  return [...identitiesOf(head).values()].flatMap((identity) => {
    const old = baselineOf(base, identity.identity)?.permissionsBoundary;
    if (!old || old === identity.permissionsBoundary) return [];
    return [
      {
        rule: "boundary-removed-or-changed",
        message: identity.permissionsBoundary
          ? `changes the permissions boundary ${old} to ${identity.permissionsBoundary}`
          : `removes the permissions boundary ${old}`,
        basePath: trustFieldPath(base, "boundary"),
        headPath: trustFieldPath(head, "boundary"),
      },
    ];
  });
};
