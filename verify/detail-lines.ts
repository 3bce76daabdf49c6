import type { Tone } from "../providers/text/colour";
import type { Connectivity } from "./connectivity";
import type { Drift } from "./reading";
import type { ConnectorVerdict } from "./run";

/** One line under a connector (or a tenant), and whether it is what needs action. */
export interface DetailLine {
  readonly text: string;
  readonly tone?: Tone;
}

/** A heading and its lines: a tenant's shared lines, or one connector's own. */
export interface DetailBlock {
  readonly tenant: string;
  /** Absent for the lines every connector of the tenant shares. */
  readonly connector?: { readonly name: string; readonly kind: string };
  readonly lines: readonly DetailLine[];
}

export function describeConnectivity(c: Connectivity): string {
  return "reason" in c ? `${c.state} (${c.reason})` : c.state;
}

/** `extra (admin): aws-managed-policy … [where]`: a surplus names the access level its classifier gave. */
export function driftLine(d: Drift): string {
  const change = d.access ? `${d.change} (${d.access})` : d.change;
  return `${change}: ${d.subject}${d.detail ? ` (${d.detail})` : ""}${d.where ? ` [${d.where}]` : ""}`;
}

/** The lines under one connector: drift, why it was not read or verified, facts. */
function detailLines(v: ConnectorVerdict): DetailLine[] {
  const said = (text: string, tone?: Tone): DetailLine => ({ text, tone });
  const connectivity = v.connectivity;
  return [
    ...v.drift.map((d) => said(driftLine(d), "danger")),
    ...(v.status === "unreadable" ? [said(`could not be read: ${v.reason}`)] : []),
    ...(v.status === "not verified" ? [said(`not verified: ${v.reason}`)] : []),
    ...(connectivity.state === "Failed" ? [said("Insights reports connectivity Failed", "danger")] : []),
    ...(connectivity.state === "unreadable"
      ? [said(`connectivity could not be read: ${describeConnectivity(connectivity)}`)]
      : []),
    ...v.facts.map((f) => said(`${f.label}: ${f.value}`)),
  ];
}

/**
 * The detail lines of a run, grouped: a line every connector of a tenant shares (the tenant's
 * Insights token is not set, so no connector's connectivity could be read) is said once for
 * the tenant, not once per connector; each connector then keeps its own lines.
 */
export function detailBlocks(verdicts: readonly ConnectorVerdict[]): DetailBlock[] {
  const tenants = [...new Set(verdicts.map((v) => v.tenant))];
  return tenants.flatMap((tenant) => {
    const each = verdicts.filter((v) => v.tenant === tenant).map((v) => ({ v, lines: detailLines(v) }));
    const shared =
      each.length > 1
        ? each[0].lines.filter((line) => each.every((e) => e.lines.some((l) => l.text === line.text)))
        : [];
    const own = (lines: DetailLine[]) => lines.filter((line) => !shared.some((s) => s.text === line.text));
    return [
      ...(shared.length ? [{ tenant, lines: shared }] : []),
      ...each.map(({ v, lines }) => ({ tenant, connector: { name: v.name, kind: v.kind }, lines: own(lines) })),
    ];
  });
}
