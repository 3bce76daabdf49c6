// The README is a front door (issue 29): short, and every page of docs/ one link away. Every
// relative link of the README, docs/ and the examples' READMEs resolves, #anchors included, and
// none points outside the repository.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { REPO } from "../helpers/cli";
import { linkProblems, markdownPages, parsePage } from "../helpers/markdown-links";

const README = join(REPO, "README.md");
const readme = readFileSync(README, "utf8");
const DOC_PAGES = readdirSync(join(REPO, "docs")).filter((f) => f.endsWith(".md"));

describe("README and docs/", () => {
  test("the README stays a front door: at most 250 lines", () => {
    expect(readme.split("\n").length).toBeLessThanOrEqual(250);
  });

  test("every page of docs/ is linked from the README", () => {
    expect(DOC_PAGES.length).toBeGreaterThanOrEqual(15);
    const linked = new Set(parsePage(readme).links.map((l) => l.target.split("#")[0]));
    expect(DOC_PAGES.filter((page) => !linked.has(`docs/${page}`))).toEqual([]);
  });

  test("every relative link and #anchor resolves, and none leaves the repository", () => {
    const pages = markdownPages(REPO);
    expect(pages.map((p) => basename(p))).toEqual(expect.arrayContaining(["README.md", ...DOC_PAGES]));
    expect(pages.flatMap((page) => linkProblems(REPO, page))).toEqual([]);
  });

  test("no page names a path of this machine or of the folders beside the repository", () => {
    for (const page of markdownPages(REPO)) {
      const text = readFileSync(page, "utf8");
      expect([page, text.match(/\/work\/|\.\.\/shared\b|\/tmp\/[a-z0-9]/g)]).toEqual([page, null]);
    }
  });
});

describe("the link check itself", () => {
  let root: string;
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), "links-"));
    mkdirSync(join(root, "docs"));
    writeFileSync(join(root, "docs", "a.md"), "# Page A\n\n## Limits `(here)`\n\n## Limits `(here)`\n");
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  test("finds a missing file, a missing anchor, a way out and a machine path; passes the good ones", () => {
    const page = join(root, "README.md");
    writeFileSync(
      page,
      [
        "[ok](docs/a.md#limits-here) [second](docs/a.md#limits-here-1) [self](#top) [web](https://example.com/x)",
        "",
        "[gone](docs/b.md) [anchor](docs/a.md#nope) [out](../shared/x.md) [abs](/work/x.md)",
        "",
        "`[code](not/a/link.md)`",
        "",
        "# Top",
      ].join("\n"),
    );
    expect(linkProblems(root, page)).toEqual([
      "README.md:3: docs/b.md: no such file",
      "README.md:3: docs/a.md#nope: docs/a.md has no heading #nope",
      "README.md:3: ../shared/x.md leaves the repository",
      "README.md:3: /work/x.md points at this machine, not the repository",
    ]);
  });
});
