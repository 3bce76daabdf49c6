import { printable } from "./printable";

/**
 * Mermaid flowcharts for the review picture, which GitHub renders in a ```mermaid block of a
 * comment or job summary. Node ids are generated (`n0`, `n1`, …), never taken from names, and
 * every label is quoted and escaped by {@link mermaidLabel}, so a hostile connector name cannot
 * end a statement, close a block, start a keyword (`end`) or inject HTML.
 */

/** One box of the picture; `className` names a class of {@link Flowchart.classes}. */
export interface FlowNode {
  readonly id: string;
  readonly label: string;
  readonly className?: string;
}

/** How an edge is drawn: `solid` `-->`, `thick` `==>` (added), `dotted` `-.->` (removed, or context). */
export type EdgeLine = "solid" | "thick" | "dotted";

export interface FlowEdge {
  readonly from: string;
  readonly to: string;
  readonly label?: string;
  readonly line?: EdgeLine;
  /** A CSS style for this edge alone, as `linkStyle` takes it (`stroke:#cf222e`). */
  readonly style?: string;
}

export interface Flowchart {
  readonly direction: "LR" | "TB";
  readonly nodes: readonly FlowNode[];
  readonly edges: readonly FlowEdge[];
  /** `classDef` name → CSS, for the nodes' `className`s. */
  readonly classes?: Readonly<Record<string, string>>;
}

/**
 * What mermaid refuses to draw, with its defaults (mermaid 12.4.0 as installed): a 501st edge
 * fails the parse ("Edge limit exceeded", dist/chunks/mermaid.core/chunk-FGVZ23HU.mjs line 385),
 * and a longer text is not rendered (dist/mermaid.core.mjs line 1313); the defaults are in
 * dist/chunks/mermaid.core/chunk-QDWOWVBQ.mjs lines 4678–4679.
 */
export const MERMAID_LIMITS = { maxEdges: 500, maxTextSize: 50_000 } as const;

const ARROWS: Readonly<Record<EdgeLine, string>> = { solid: "-->", thick: "==>", dotted: "-.->" };

/**
 * A label as a quoted Mermaid string. Inside quotes mermaid's grammar refuses only `"`; it
 * decodes `#name;` and `#decimal;` entities at render (docs/syntax/flowchart.md, "Entity codes
 * to escape characters", mermaid-js/mermaid @ 10b7bb568fe619ac7c57f5622412ecd38b2f6641). So
 * `#` is escaped first (else a name could spell an entity), then `"`, the HTML brackets and
 * the backtick (a label opening with one is a Markdown string); line breaks become `<br/>`.
 */
export function mermaidLabel(text: string): string {
  const escaped = printable(text, { keepNewlines: true })
    .replace(/#/g, "#35;")
    .replace(/"/g, "#quot;")
    .replace(/</g, "#lt;")
    .replace(/>/g, "#gt;")
    .replace(/`/g, "#96;")
    .replace(/\n/g, "<br/>");
  return `"${escaped}"`;
}

/** The flowchart's Mermaid text, without the Markdown fence. */
export function mermaidFlowchart(chart: Flowchart): string {
  const lines = [`flowchart ${chart.direction}`];
  for (const node of chart.nodes) lines.push(`  ${node.id}[${mermaidLabel(node.label)}]`);
  for (const edge of chart.edges) {
    const label = edge.label ? `|${mermaidLabel(edge.label)}|` : "";
    lines.push(`  ${edge.from} ${ARROWS[edge.line ?? "solid"]}${label} ${edge.to}`);
  }
  chart.edges.forEach((edge, index) => edge.style && lines.push(`  linkStyle ${index} ${edge.style}`));
  for (const [name, css] of Object.entries(chart.classes ?? {})) {
    const members = chart.nodes.filter((node) => node.className === name).map((node) => node.id);
    if (members.length) lines.push(`  classDef ${name} ${css}`, `  class ${members.join(",")} ${name}`);
  }
  return `${lines.join("\n")}\n`;
}

/**
 * The flowchart as a ```mermaid block for a Markdown report, or, when mermaid would refuse to
 * draw it (too many edges or too much text), one line saying so: the report's text below the
 * picture lists everything it would show.
 */
export function mermaidBlock(chart: Flowchart): string {
  const text = mermaidFlowchart(chart);
  if (chart.edges.length > MERMAID_LIMITS.maxEdges || text.length > MERMAID_LIMITS.maxTextSize)
    return `_The picture is too large to draw (${chart.edges.length} edges, ${text.length} characters); the text below lists all of it._\n`;
  return `\`\`\`mermaid\n${text}\`\`\`\n`;
}
