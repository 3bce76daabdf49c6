import type { AccessLevel } from "../connectors/grant";
import type { FlowEdge, FlowNode, Flowchart } from "../providers/text/mermaid";
import type { PlannedConnectorRecord, PlannedTenantRecord, TrustRelation } from "./model";
import { isExternalIdCondition } from "./edges";

/**
 * The review picture of one tenant: Insights → each source identity → what it may reach.
 * The edge into an identity says how Insights acts as it (the trust it is given, with its
 * external-ID condition, or the credential it holds); the grants of an identity are grouped
 * by access level and scope, one box per group with its count by kind, so a tenant of every
 * kind (examples/all-sources.yaml) draws about 30 edges, not one per permission.
 */
export function planPicture(tenant: PlannedTenantRecord): Flowchart {
  const nodes: FlowNode[] = [{ id: "insights", label: insightsLabel(tenant) }];
  const edges: FlowEdge[] = [];
  tenant.connectors.forEach((connector, i) => {
    const identity = `c${i}`;
    nodes.push({ id: identity, label: `${connector.name}\n${identityOf(connector)}` });
    edges.push({ from: "insights", to: identity, label: howInsightsActs(connector) });
    grantGroups(connector).forEach((group, j) => {
      const box = `${identity}g${j}`;
      const widens = group.access !== "read";
      nodes.push({ id: box, label: groupLabel(group), ...(widens ? { className: "write" } : {}) });
      edges.push({
        from: identity,
        to: box,
        label: group.access,
        ...(widens ? { line: "thick" as const, style: WRITE_EDGE } : {}),
      });
    });
  });
  return { direction: "LR", nodes, edges, classes: { write: WRITE_NODE } };
}

/** GitHub's danger red (Primer `danger.fg` #cf222e), so write and admin stand out in light and dark themes. */
/** How a write or admin node is drawn, in the plan picture and the diff picture alike. */
export const WRITE_NODE = "fill:#ffebe9,stroke:#cf222e,color:#82071e";
const WRITE_EDGE = "stroke:#cf222e,stroke-width:2px";

/** How many kinds a group box names before it says "…". */
const KINDS_SHOWN = 4;

interface GrantGroup {
  readonly access: AccessLevel;
  readonly scope: string;
  /** Grants per grant kind, in first-seen order. */
  readonly kinds: ReadonlyMap<string, number>;
}

function insightsLabel(tenant: PlannedTenantRecord): string {
  const host = tenant.insights.url ? hostOf(tenant.insights.url) : tenant.insights.adapter;
  return `Insights\n${tenant.name} · ${host}`;
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

/**
 * What Insights acts as: the stack that makes the identity (with the boundary and the longest
 * session its roles allow, when the artifacts set them), or the account made by hand or a collector.
 */
function identityOf(connector: PlannedConnectorRecord): string {
  const p = connector.provisioning;
  if (p.mode !== "stack") return `${connector.kind} · ${p.mode}`;
  const identities = connector.trust ?? [];
  const boundaries = [...new Set(identities.flatMap((i) => (i.permissionsBoundary ? [i.permissionsBoundary] : [])))];
  const sessions = identities.flatMap((i) => (i.maxSessionSeconds ? [i.maxSessionSeconds] : []));
  return [
    `${connector.kind} · ${p.engine} stack ${p.stackName}`,
    ...boundaries.map((boundary) => `boundary ${shorten(boundary)}`),
    ...(sessions.length ? [`sessions up to ${Math.max(...sessions) / 3600} h`] : []),
  ].join("\n");
}

/**
 * The label of the edge Insights → identity: who the stack's identities trust, each with what
 * binds it (the external-ID condition, a federated subject), read from the artifacts; without
 * a trust policy, the credentials Insights signs in with and the host it uses them at; a plan
 * without either (`--no-extract`, older plan files) falls back on the catalog's trust grants.
 */
function howInsightsActs(connector: PlannedConnectorRecord): string {
  const trusted = [...new Set((connector.trust ?? []).flatMap((identity) => identity.trustedBy.map(describeTrust)))];
  if (trusted.length) return trusted.join("\n");
  const used = credentialsUsed(connector);
  if (used.length) return used.join("\n");
  const granted = grantsOf(connector)
    .filter((g) => g.kind === "trust")
    .map(
      (g) => `trusts ${g.name}\n${g.condition && isExternalIdCondition(g.condition) ? "external ID" : "no condition"}`,
    );
  return granted.length ? granted.join("\n") : "registers";
}

/** A trusted principal and what binds it: `trusts arn:…:root` / `external ID`. */
function describeTrust(relation: TrustRelation): string {
  const verb = TRUST_VERBS[relation.type];
  const bound = relation.conditions.map((c) => (isExternalIdCondition(c) ? "external ID" : shorten(c)));
  return `${verb} ${relation.principal}\n${bound.length ? bound.join("\n") : "no condition"}`;
}

const TRUST_VERBS: Readonly<Record<TrustRelation["type"], string>> = {
  "aws-principal": "trusts",
  "aws-service": "trusts service",
  federated: "federated",
  "federated-credential": "federated credential",
  impersonation: "impersonated by",
};

/** The secrets Insights (or its collector) uses with the source, by the host it uses them at. */
function credentialsUsed(connector: PlannedConnectorRecord): string[] {
  const byHost = new Map<string, string[]>();
  for (const secret of connector.secrets ?? []) {
    for (const destination of secret.destinations.filter((d) => d.by.startsWith("Insights"))) {
      const host = destination.host.split("/")[0];
      byHost.set(host, [...(byHost.get(host) ?? []), secret.field]);
    }
  }
  if (byHost.size) return [...byHost].map(([host, fields]) => `uses ${[...new Set(fields)].join(", ")}\nat ${host}`);
  // A plan file without secrets: the form's secret fields, a reference shown as itself (never a value).
  return connector.registration
    .filter((field) => field.secret && field.value.from !== "unset")
    .map((field) =>
      field.value.from === "secret" ? `holds ${field.label} ${field.value.ref}` : `holds ${field.label}`,
    );
}

function shorten(text: string): string {
  return text.length > CONDITION_CHARACTERS ? `${text.slice(0, CONDITION_CHARACTERS - 1)}…` : text;
}

/** How much of a trust condition an edge label shows, so one long condition cannot widen the whole picture. */
const CONDITION_CHARACTERS = 80;

/** What a plan compares: the grants read back from the artifacts when there are any, else the catalog's. */
function grantsOf(connector: PlannedConnectorRecord) {
  return connector.extractedGrants ?? connector.grants;
}

function grantGroups(connector: PlannedConnectorRecord): GrantGroup[] {
  const groups = new Map<string, { access: AccessLevel; scope: string; kinds: Map<string, number> }>();
  for (const grant of grantsOf(connector)) {
    if (grant.kind === "trust") continue; // drawn on the edge into the identity
    const key = `${grant.access}\u0000${grant.scope}`;
    const group = groups.get(key) ?? { access: grant.access, scope: grant.scope, kinds: new Map() };
    group.kinds.set(grant.kind, (group.kinds.get(grant.kind) ?? 0) + 1);
    groups.set(key, group);
  }
  return [...groups.values()];
}

function groupLabel(group: GrantGroup): string {
  const kinds = [...group.kinds];
  const shown = kinds.slice(0, KINDS_SHOWN).map(([kind, count]) => `${count} ${kind}`);
  const more = kinds.length > KINDS_SHOWN ? [`… ${kinds.length - KINDS_SHOWN} more kinds`] : [];
  return [group.scope, ...shown, ...more].join("\n");
}
