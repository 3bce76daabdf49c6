import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import GithubSlugger from "github-slugger";
import MarkdownIt from "markdown-it";

/** A link or image of a Markdown page, as written, with the line it is on. */
export interface PageLink {
  readonly target: string;
  readonly line: number;
}

const markdown = new MarkdownIt({ html: true });
type Token = MarkdownIt.Token;

/** The text of an inline token as it renders: code spans keep their content, markup goes. */
function plainText(inline: Token): string {
  return (inline.children ?? [])
    .filter((child) => child.type === "text" || child.type === "code_inline")
    .map((child) => child.content)
    .join("");
}

/**
 * Every link and image of a page, and the anchors its headings get on GitHub
 * (github-slugger: GitHub's own rule, numbered when a heading repeats). Code blocks and code
 * spans are not links, so an example URL in them is not checked.
 */
export function parsePage(text: string): { links: PageLink[]; anchors: Set<string> } {
  const tokens = markdown.parse(text, {});
  const slugger = new GithubSlugger();
  const links: PageLink[] = [];
  const anchors = new Set<string>();
  let line = 1; // a table cell's inline token has no line of its own: its row's is the last seen
  tokens.forEach((token, i) => {
    if (token.map) line = token.map[0] + 1;
    if (token.type === "heading_open") anchors.add(slugger.slug(plainText(tokens[i + 1])));
    if (token.type !== "inline") return;
    for (const child of token.children ?? []) {
      const target =
        child.type === "link_open" ? child.attrGet("href") : child.type === "image" ? child.attrGet("src") : null;
      if (target !== null) links.push({ target: String(target), line });
    }
  });
  return { links, anchors };
}

/** Whether a link leaves the page's own files: a scheme (https:, mailto:) or a protocol-relative URL. */
const isExternal = (target: string) => /^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith("//");

/**
 * What is wrong with the links of `page` (a file under `root`), one line per problem: a relative
 * link to a file that does not exist, to a place outside `root`, or to an `#anchor` no heading of
 * its page has; an absolute path or a file: URL (they name this machine, not the repository).
 */
export function linkProblems(root: string, page: string): string[] {
  const text = readFileSync(page, "utf8");
  const where = (line: number) => `${relative(root, page)}:${line}`;
  const problems: string[] = [];
  for (const { target, line } of parsePage(text).links) {
    if (/^file:/i.test(target) || target.startsWith("/")) {
      problems.push(`${where(line)}: ${target} points at this machine, not the repository`);
      continue;
    }
    if (isExternal(target)) continue;
    const [pathPart, anchor] = target.split("#", 2) as [string, string | undefined];
    const file = pathPart === "" ? page : resolve(dirname(page), decodeURIComponent(pathPart));
    if (file !== root && !file.startsWith(root + sep)) {
      problems.push(`${where(line)}: ${target} leaves the repository`);
    } else if (!existsSync(file)) {
      problems.push(`${where(line)}: ${target}: no such file`);
    } else if (anchor !== undefined && !(file.endsWith(".md") && statSync(file).isFile())) {
      problems.push(`${where(line)}: ${target}: an #anchor on a page that is not Markdown`);
    } else if (anchor !== undefined && !parsePage(readFileSync(file, "utf8")).anchors.has(anchor)) {
      problems.push(`${where(line)}: ${target}: ${relative(root, file)} has no heading #${anchor}`);
    }
  }
  return problems;
}

/** The Markdown pages a link check covers: the README, every page of docs/ and the examples' READMEs. */
export function markdownPages(root: string): string[] {
  const inFolder = (folder: string, recurse: boolean): string[] =>
    existsSync(folder)
      ? readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
          const path = join(folder, entry.name);
          if (entry.isDirectory()) return recurse ? inFolder(path, recurse) : [];
          return entry.name.endsWith(".md") ? [path] : [];
        })
      : [];
  return [join(root, "README.md"), ...inFolder(join(root, "docs"), false), ...inFolder(join(root, "examples"), true)];
}
