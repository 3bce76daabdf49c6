import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { REPO } from "./cli";

/** What mermaid's own parser made of one diagram (scripts/check-mermaid.mjs). */
export type MermaidVerdict =
  | {
      readonly ok: true;
      readonly diagramType: string;
      /** A flowchart's boxes and arrows, labels decoded as a browser shows them. */
      readonly nodes: ReadonlyArray<{ readonly id: string; readonly text: string }>;
      readonly edges: ReadonlyArray<{ readonly from: string; readonly to: string; readonly text: string }>;
    }
  | { readonly ok: false; readonly error: string };

/**
 * Each diagram parsed by the `mermaid` package in a child process (jest cannot load its ES
 * modules in-process): the grammar GitHub's renderer uses, not a string comparison.
 */
export function mermaidVerdicts(diagrams: readonly string[]): MermaidVerdict[] {
  const run = spawnSync(process.execPath, [join(REPO, "scripts", "check-mermaid.mjs")], {
    input: JSON.stringify(diagrams),
    encoding: "utf8",
    timeout: 60_000,
  });
  if (run.status !== 0) throw new Error(`check-mermaid failed (${run.status}): ${run.stderr}`);
  return JSON.parse(run.stdout);
}

/** The text of every ```mermaid block of a Markdown document. */
export function mermaidBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/^```mermaid\n([^]*?)^```$/gm)].map((match) => match[1]);
}
