import type { TrustRelation } from "../../plan/model";
import type { ConnectorRule } from "./rule";
import { baselineOf, identitiesOf, trustFieldPath, trustGrantRelations } from "./trust";

/**
 * `trust-condition-removed`: a principal trusted on both sides lost a condition that bound it
 * (the external ID, an OIDC subject changed). Adding conditions narrows and passes.
 */
export const trustConditionRemoved: ConnectorRule = ({ base, head }) => {
  const dropped = (before: readonly TrustRelation[], after: readonly TrustRelation[]) =>
    after.flatMap((relation) => {
      const old = before.find((r) => r.principal === relation.principal);
      return (old?.conditions ?? [])
        .filter((condition) => !relation.conditions.includes(condition))
        .map((condition) => ({ principal: relation.principal, condition }));
    });
  const fromIdentities = [...identitiesOf(head).values()].flatMap((identity) =>
    dropped(baselineOf(base, identity.identity)?.trustedBy ?? [], identity.trustedBy),
  );
  const fromGrants = dropped(trustGrantRelations(base), trustGrantRelations(head));
  return [...fromIdentities, ...fromGrants].map(({ principal, condition }) => ({
    rule: "trust-condition-removed",
    message: /sts:ExternalId$/i.test(condition)
      ? `removes the external ID condition from the trust of ${principal}`
      : `removes the condition ${condition} from the trust of ${principal}`,
    basePath: trustFieldPath(base, "principal"),
    headPath: trustFieldPath(head, "principal"),
  }));
};
