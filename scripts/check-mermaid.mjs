// Checks Mermaid diagrams with mermaid's own parser, the one GitHub renders comments with.
// Reads a JSON array of diagram texts on stdin; prints a JSON array of verdicts, one per diagram:
// { ok: true, diagramType, nodes, edges } or { ok: false, error } (the parser's first lines).
// For a flowchart, `nodes` ({ id, text }) and `edges` ({ from, to, text }) are what the parser
// read, labels decoded as a browser shows them, so a test can see that a hostile name stayed
// one label and added no node, edge or statement.
//
// Run as a child process: mermaid ships only ES modules, which jest's CommonJS runtime cannot load.
// mermaid.parse needs no layout, but its label sanitizer calls DOMPurify, which in plain Node (no
// window) has no addHook/sanitize (mermaid 12.4.0, dist/chunks/mermaid.core/chunk-QDWOWVBQ.mjs,
// sanitizeText). The stubs give the singleton mermaid imports pass-through methods: acceptance comes
// from the jison grammar, not from sanitizing. Should npm ever nest a second dompurify under mermaid,
// the stubs miss it and parse fails loudly with "addHook is not a function", never silently.
import DOMPurify from "dompurify";

DOMPurify.addHook = () => {};
DOMPurify.sanitize = (text) => text;
const { default: mermaid } = await import("mermaid");
mermaid.initialize({ startOnLoad: false });

/**
 * A label as the reader sees it: mermaid keeps `#name;` entities as placeholders and turns them
 * into `&name;` at render (decodeEntities, dist/chunks/mermaid.core/chunk-OWCVCYLK.mjs line 547);
 * the browser then decodes those, and `<br/>` is a line break.
 */
function shown(text) {
  const html = String(text ?? "")
    .replace(/ﬂ°°/g, "&#")
    .replace(/ﬂ°/g, "&")
    .replace(/¶ß/g, ";");
  const named = { quot: '"', lt: "<", gt: ">", amp: "&", apos: "'" };
  return html
    .replace(/<br\s*\/?>/g, "\n")
    .replace(/&#(\d+);/g, (_, code) => String.fromCodePoint(Number(code)))
    .replace(/&([a-z]+);/g, (whole, name) => named[name] ?? whole);
}

async function shape(text) {
  const diagram = await mermaid.mermaidAPI.getDiagramFromText(text);
  if (typeof diagram.db.getVertices !== "function") return {};
  return {
    nodes: [...diagram.db.getVertices().values()].map((v) => ({ id: v.id, text: shown(v.text) })),
    edges: diagram.db.getEdges().map((e) => ({ from: e.start, to: e.end, text: shown(e.text) })),
  };
}

let input = "";
for await (const chunk of process.stdin) input += chunk;
const verdicts = [];
for (const text of JSON.parse(input)) {
  try {
    const { diagramType } = await mermaid.parse(text);
    verdicts.push({ ok: true, diagramType, ...(await shape(text)) });
  } catch (error) {
    verdicts.push({
      ok: false,
      error: String(error?.message ?? error)
        .split("\n")
        .slice(0, 3)
        .join(" "),
    });
  }
}
process.stdout.write(JSON.stringify(verdicts));
