import { MERMAID_LIMITS, mermaidBlock, mermaidFlowchart, mermaidLabel } from "../../../providers/text/mermaid";

// What the grammar accepts is checked by mermaid itself in test/review/mermaid-picture.test.ts;
// these pin the text this module writes, from mermaid's flowchart syntax page (mermaid-js/mermaid
// @ 10b7bb568fe619ac7c57f5622412ecd38b2f6641, docs/syntax/flowchart.md: quoted labels, "Entity codes
// to escape characters" `#quot;` and `#35;`, `-->|text|` edge labels, `linkStyle`, `classDef`).
describe("mermaidLabel: every label quoted, with the characters that could leave it as entity codes", () => {
  test.each([
    ["plain", "Acme AWS", '"Acme AWS"'],
    ["a double quote", 'say "hi"', '"say #quot;hi#quot;"'],
    ["a hash first, so a name cannot spell an entity", "#quot; C#", '"#35;quot; C#35;"'],
    ["HTML brackets", "<img src=x onerror=alert(1)>", '"#lt;img src=x onerror=alert(1)#gt;"'],
    ["a backtick (a label opening with one is Markdown)", "`code`", '"#96;code#96;"'],
    ["a newline", "one\ntwo", '"one<br/>two"'],
    ["control characters and an escape sequence", "a\u001b[2Jb\u0007c", '"abc"'],
    ["the keyword end, brackets and an arrow stay text inside quotes", "end] --> x[(y)|z", '"end] --#gt; x[(y)|z"'],
  ])("%s", (_, text, label) => {
    expect(mermaidLabel(text)).toBe(label);
  });
});

describe("mermaidFlowchart", () => {
  test("nodes, edges by line kind, per-edge styles by index, and classes of the nodes that use them", () => {
    const text = mermaidFlowchart({
      direction: "LR",
      nodes: [
        { id: "a", label: "A" },
        { id: "b", label: "B", className: "write" },
      ],
      edges: [
        { from: "a", to: "b", label: "read" },
        { from: "a", to: "b", line: "thick", style: "stroke:#cf222e" },
        { from: "b", to: "a", line: "dotted" },
      ],
      classes: { write: "fill:#ffebe9", unused: "fill:#000" },
    });
    expect(text).toBe(
      [
        "flowchart LR",
        '  a["A"]',
        '  b["B"]',
        '  a -->|"read"| b',
        "  a ==> b",
        "  b -.-> a",
        "  linkStyle 1 stroke:#cf222e",
        "  classDef write fill:#ffebe9",
        "  class b write",
        "",
      ].join("\n"),
    );
  });

  test("a block is fenced as mermaid; one mermaid would refuse (over 500 edges) is a sentence instead", () => {
    const chart = (edges: number) => ({
      direction: "LR" as const,
      nodes: [{ id: "a", label: "A" }],
      edges: Array.from({ length: edges }, () => ({ from: "a", to: "a" })),
    });
    expect(mermaidBlock(chart(1))).toBe('```mermaid\nflowchart LR\n  a["A"]\n  a --> a\n```\n');
    expect(MERMAID_LIMITS.maxEdges).toBe(500);
    expect(mermaidBlock(chart(500))).toMatch(/^```mermaid\n/);
    expect(mermaidBlock(chart(501))).toMatch(/^_The picture is too large to draw \(501 edges, \d+ characters\)/);
  });
});
