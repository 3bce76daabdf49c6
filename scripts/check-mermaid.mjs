// Checks Mermaid diagrams with mermaid's own parser, the one GitHub renders comments with.
// Reads a JSON array of diagram texts on stdin; prints a JSON array of verdicts, one per diagram:
// { ok: true, diagramType } or { ok: false, error } (the parser's first lines).
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

let input = "";
for await (const chunk of process.stdin) input += chunk;
const verdicts = [];
for (const text of JSON.parse(input)) {
  try {
    const { diagramType } = await mermaid.parse(text);
    verdicts.push({ ok: true, diagramType });
  } catch (error) {
    verdicts.push({ ok: false, error: String(error?.message ?? error).split("\n").slice(0, 3).join(" ") });
  }
}
process.stdout.write(JSON.stringify(verdicts));
