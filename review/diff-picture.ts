import type { FlowEdge, FlowNode, Flowchart } from "../providers/text/mermaid";
import type { EdgeChange, ReviewEdge } from "./escalation";
import { WRITE_NODE } from "../plan/picture";

/**
 * The picture of a change: only the edges the head adds or drops (review/escalation.ts), so a
 * one-line change draws a few arrows, not the tenant. Insights → each identity touched (dotted,
 * for orientation); who may act as it (principal → identity, labelled by what binds it); where
 * each secret goes (reference → host); what it may reach (identity → scope, grants grouped by
 * change, access and scope). Added edges are thick and green, removed ones dotted and red, and
 * each label says which in words too.
 */
export function diffPicture(edges: readonly EdgeChange[]): Flowchart {
  const nodes = new Map<string, FlowNode>();
  const drawn: FlowEdge[] = [];
  const node = (key: string, label: string, className?: string): string => {
    const existing = nodes.get(key);
    if (existing) return existing.id;
    const id = `n${nodes.size}`;
    nodes.set(key, { id, label, ...(className ? { className } : {}) });
    return id;
  };
  const insights = node("insights", "Insights");
  const identity = (tenant: string, connector: string) => {
    const key = `identity\u0000${tenant}\u0000${connector}`;
    const known = nodes.has(key);
    const id = node(key, `${tenant} / ${connector}`);
    if (!known) drawn.push({ from: insights, to: id, line: "dotted" });
    return id;
  };
  for (const { change, edge } of sortedEdges(edges)) {
    if (edge.type === "trust") {
      const from = node(`principal\u0000${edge.from}`, edge.from);
      drawn.push(marked(change, from, identity(edge.tenant, edge.connector), `trust\n${edge.label ?? "no condition"}`));
    } else if (edge.type === "secret") {
      const owner = edge.connector ? `${edge.tenant} / ${edge.connector}` : `${edge.tenant} (tenant)`;
      const from = node(`secret\u0000${owner}\u0000${edge.from}`, `${edge.from}\n${owner}`);
      drawn.push(marked(change, from, node(`host\u0000${edge.to}`, edge.to), "sent to"));
    }
  }
  for (const group of grantGroups(edges)) {
    const widens = group.change === "added" && group.access !== "read";
    const box = node(group.key, groupLabel(group), widens ? "write" : undefined);
    drawn.push(marked(group.change, identity(group.tenant, group.connector), box, group.access));
  }
  return { direction: "LR", nodes: [...nodes.values()], edges: drawn, classes: { write: WRITE_NODE } };
}

/** GitHub's Primer success green and danger red, legible in light and dark themes. */
const ADDED_EDGE = "stroke:#1a7f37,stroke-width:2px";
const REMOVED_EDGE = "stroke:#cf222e";
/** How many grant names a group box lists before it says how many more. */
const NAMES_SHOWN = 3;

function marked(change: EdgeChange["change"], from: string, to: string, label: string): FlowEdge {
  return change === "added"
    ? { from, to, label: `added ${label}`, line: "thick", style: ADDED_EDGE }
    : { from, to, label: `removed ${label}`, line: "dotted", style: REMOVED_EDGE };
}

/** Trust and secret edges in a stable order: by tenant, connector, type, then endpoints. */
function sortedEdges(edges: readonly EdgeChange[]): EdgeChange[] {
  const key = ({ change, edge }: EdgeChange) =>
    [
      edge.tenant,
      edge.connector ?? "",
      edge.type,
      "from" in edge ? edge.from : "",
      "to" in edge ? edge.to : "",
      change,
    ].join("\u0000");
  return [...edges].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

interface GrantGroup {
  readonly key: string;
  readonly tenant: string;
  readonly connector: string;
  readonly change: EdgeChange["change"];
  readonly access: string;
  readonly scope: string;
  readonly names: string[];
}

type GrantEdge = Extract<ReviewEdge, { readonly type: "grant" }>;

/** Grant edges grouped by connector, change, access and scope: one box and one arrow per group. */
function grantGroups(edges: readonly EdgeChange[]): GrantGroup[] {
  const groups = new Map<string, GrantGroup>();
  for (const { change, edge } of edges) {
    if (edge.type !== "grant") continue;
    const grant = edge as GrantEdge;
    const key = ["grants", grant.tenant, grant.connector, change, grant.access, grant.to].join("\u0000");
    const group = groups.get(key) ?? {
      key,
      tenant: grant.tenant,
      connector: grant.connector,
      change,
      access: grant.access,
      scope: grant.to,
      names: [],
    };
    group.names.push(grant.label);
    groups.set(key, group);
  }
  return [...groups.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

function groupLabel(group: GrantGroup): string {
  const names = [...group.names].sort();
  const more = names.length > NAMES_SHOWN ? [`… and ${names.length - NAMES_SHOWN} more`] : [];
  return [group.scope, ...names.slice(0, NAMES_SHOWN), ...more].join("\n");
}
