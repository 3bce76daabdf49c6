// Every picture the README and docs/ show is drawn by GitHub's renderer, mermaid: a diagram that
// does not parse shows up on GitHub as an error box. Each one is read by mermaid's own parser.
import { readFileSync } from "node:fs";
import { relative } from "node:path";
import { REPO } from "../helpers/cli";
import { markdownPages } from "../helpers/markdown-links";
import { mermaidBlocks, mermaidVerdicts } from "../helpers/mermaid";

describe("the diagrams of README and docs/", () => {
  const diagrams = markdownPages(REPO).flatMap((page) =>
    mermaidBlocks(readFileSync(page, "utf8")).map((text, index) => ({
      where: `${relative(REPO, page)} #${index + 1}`,
      text,
    })),
  );

  test("every mermaid block parses (the README's flow among them)", () => {
    expect(diagrams.map((d) => d.where)).toEqual(expect.arrayContaining(["README.md #1", "docs/review.md #1"]));
    const verdicts = mermaidVerdicts(diagrams.map((d) => d.text));
    const broken = verdicts.flatMap((verdict, i) => (verdict.ok ? [] : [`${diagrams[i].where}: ${verdict.error}`]));
    expect(broken).toEqual([]);
  });

  test("the check can fail: a README picture with an unquoted parenthesis in a box is refused", () => {
    const readmeFlow = diagrams.find((d) => d.where === "README.md #1")!.text;
    const [verdict] = mermaidVerdicts([
      readmeFlow.replace('connected(["<b>Connected</b>"])', "connected[Connected (live)]"),
    ]);
    expect(verdict.ok).toBe(false);
  });
});
