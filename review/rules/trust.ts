import { kindOf } from "../../connectors/catalog";
import type { ActingIdentity, PlannedConnectorRecord, TrustRelation } from "../../plan/model";
import { grantsOf } from "../grant-changes";
import { fieldPath } from "./rule";

/** Each identity a side's artifacts create, by name; empty for a plan without them (nothing trusted). */
export function identitiesOf(connector: PlannedConnectorRecord | undefined): Map<string, ActingIdentity> {
  return new Map((connector?.trust ?? []).map((identity) => [identity.identity, identity]));
}

/**
 * What a head identity is judged against: the base's identity of the same name, else (a new
 * identity of a connector the base had, say the member-account role of a StackSet) the base's
 * identities taken together at their strictest: the principals any trusted, each with every
 * condition any put on it, a boundary when any had one, the longest session any allowed.
 * Undefined when the base has no identity at all: a new connector, or a plan without them, trusts nothing.
 */
export function baselineOf(base: PlannedConnectorRecord | undefined, name: string): ActingIdentity | undefined {
  const identities = identitiesOf(base);
  if (identities.has(name)) return identities.get(name);
  const all = [...identities.values()];
  if (!all.length) return undefined;
  const principals = new Map<string, TrustRelation>();
  for (const relation of all.flatMap((i) => i.trustedBy)) {
    const known = principals.get(relation.principal);
    const conditions = [...new Set([...(known?.conditions ?? []), ...relation.conditions])].sort();
    principals.set(relation.principal, { ...relation, conditions });
  }
  const boundary = all.find((i) => i.permissionsBoundary)?.permissionsBoundary;
  const sessions = all.map((i) => i.maxSessionSeconds).filter((s): s is number => s !== undefined);
  return {
    identity: name,
    trustedBy: [...principals.values()],
    ...(boundary ? { permissionsBoundary: boundary } : {}),
    ...(sessions.length ? { maxSessionSeconds: Math.max(...sessions) } : {}),
    owners: [...new Set(all.flatMap((i) => i.owners ?? []))],
    artifact: "",
  };
}

/**
 * The trust grants a side states (read back, else the catalog's) as relations: the form older
 * plans and hand-made plan files carry trust in. Rules judge these beside the identities, so a
 * plan that holds only one of the two is still judged.
 */
export function trustGrantRelations(connector: PlannedConnectorRecord | undefined): TrustRelation[] {
  return grantsOf(connector)
    .filter((g) => g.kind === "trust")
    .map((g) => {
      const account = /^arn:aws[\w-]*:iam::(\d{12}):/.exec(g.name)?.[1];
      return {
        type: "aws-principal" as const,
        principal: g.name,
        ...(account ? { account } : {}),
        conditions: g.condition ? [g.condition] : [],
      };
    });
}

/** `arn:aws:iam::666666666666:root (account 666666666666)`. */
export function describePrincipal(relation: TrustRelation): string {
  return relation.account && relation.principal !== relation.account
    ? `${relation.principal} (account ${relation.account})`
    : relation.principal;
}

/** The config path of a trust field of the connector's kind (`trustedPrincipal`), else of its entry. */
export function trustFieldPath(
  connector: PlannedConnectorRecord | undefined,
  field: "principal" | "boundary" | "session",
): string | undefined {
  if (!connector) return undefined;
  const fields = kindOf({ kind: connector.kind, name: connector.name }).trustFields;
  return fieldPath(connector, fields?.[field]);
}
