import { fieldPath, type ConnectorRule } from "./rule";

/**
 * `head-not-extracted`: the head plan holds a stack whose artifacts were not read back (a plan
 * file made with --no-extract, or by an older version): its grants and trust cannot be judged,
 * so it is not waved through.
 */
export const headNotExtracted: ConnectorRule = ({ base, head }) =>
  head?.provisioning.mode === "stack" && (!head.extractedGrants || !head.trust)
    ? [
        {
          rule: "head-not-extracted",
          message: "has no grants and trust read back from its synthesized stack: plan the head without --no-extract",
          basePath: fieldPath(base),
          headPath: fieldPath(head),
        },
      ]
    : [];
