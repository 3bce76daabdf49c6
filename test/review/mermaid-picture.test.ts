import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadConfig } from "../../config/load";
import { buildPlan } from "../../plan/build";
import type { PlanRecord } from "../../plan/model";
import { planPicture } from "../../plan/picture";
import { renderMarkdown } from "../../plan/render-markdown";
import { diffPicture } from "../../review/diff-picture";
import type { EdgeChange } from "../../review/escalation";
import { mermaidFlowchart } from "../../providers/text/mermaid";
import { REPO, runCli } from "../helpers/cli";
import { CHANGE } from "../helpers/edge-changes";
import { mermaidBlocks, mermaidVerdicts } from "../helpers/mermaid";

/** A name that would end a quoted label, open HTML, spell an entity, start a keyword or a new statement. */
const HOSTILE = 'Acme "prod" #quot; #1 end\n]] --> evil["x"] %% :::write | ; `md` <script>alert(1)</script> \u001b[2J';
/** How a reader sees it: the same text, without the escape sequence (providers/text/printable.ts). */
const HOSTILE_SHOWN = HOSTILE.replace("\u001b[2J", "");

const plan = buildPlan(loadConfig(join(REPO, "examples", "all-sources.yaml")));

describe("mermaid accepts the review pictures (mermaid's own parser, in a child process)", () => {
  test("the plan picture of a tenant of every kind parses as a flowchart with every box and arrow drawn", () => {
    const blocks = mermaidBlocks(renderMarkdown(plan));
    expect(blocks).toHaveLength(1);
    const [verdict] = mermaidVerdicts(blocks);
    const picture = planPicture(plan.tenants[0]);
    expect(verdict).toMatchObject({ ok: true, diagramType: "flowchart-v2" });
    if (!verdict.ok) return;
    expect(verdict.nodes).toHaveLength(picture.nodes.length);
    expect(verdict.edges).toHaveLength(picture.edges.length);
    expect(verdict.edges.find((e) => e.to === "c1")!.text).toBe("trusts arn:aws:iam::222222222222:root\nexternal ID");
  });

  test("a hostile connector name stays one label: no node, edge or statement added, the text shown as written", () => {
    const tenant = plan.tenants[0];
    const hostile: PlanRecord = {
      ...plan,
      tenants: [{ ...tenant, connectors: tenant.connectors.map((c, i) => (i === 1 ? { ...c, name: HOSTILE } : c)) }],
    };
    const [verdict] = mermaidVerdicts(mermaidBlocks(renderMarkdown(hostile)));
    expect(verdict).toMatchObject({ ok: true, diagramType: "flowchart-v2" });
    if (!verdict.ok) return;
    const picture = planPicture(hostile.tenants[0]);
    expect(verdict.nodes.map((n) => n.id)).toEqual(picture.nodes.map((n) => n.id));
    expect(verdict.edges).toHaveLength(picture.edges.length);
    expect(verdict.nodes.find((n) => n.id === "c1")!.text).toBe(`${HOSTILE_SHOWN}\naws · aws-cdk stack acme-prod-aws`);
  });

  test("the diff picture parses, and hostile names in every label of it stay labels", () => {
    const hostile = CHANGE.map(({ change, edge }): EdgeChange => {
      if (edge.type === "trust")
        return { change, edge: { ...edge, connector: HOSTILE, from: `${edge.from} ${HOSTILE}` } };
      if (edge.type === "secret") return { change, edge: { ...edge, from: HOSTILE, to: `${edge.to}"]` } };
      return { change, edge: { ...edge, label: HOSTILE, to: `${edge.to} end` } };
    });
    const pictures = [diffPicture(CHANGE), diffPicture(hostile)];
    const verdicts = mermaidVerdicts(pictures.map(mermaidFlowchart));
    verdicts.forEach((verdict, i) => {
      expect(verdict).toMatchObject({ ok: true, diagramType: "flowchart-v2" });
      if (!verdict.ok) return;
      // As a reader sees it: without the escape sequence, and (mermaid trims labels) without outer spaces.
      const shown = (label = "") => label.split(HOSTILE).join(HOSTILE_SHOWN).trim();
      expect(verdict.nodes.map((n) => n.text.trim())).toEqual(pictures[i].nodes.map((n) => shown(n.label)));
      expect(verdict.edges.map((e) => e.text.trim())).toEqual(pictures[i].edges.map((e) => shown(e.label)));
    });
  });

  test("a real diff's picture: the AWS role trusts a foreign account instead (issue 25, case 6)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "mermaid-diff-"));
    try {
      const text = readFileSync(join(REPO, "examples", "aws-single-account.yaml"), "utf8");
      writeFileSync(join(dir, "base.yaml"), text);
      const base = await runCli("plan", "--config", join(dir, "base.yaml"), "--format", "json", "--no-cache");
      writeFileSync(join(dir, "base.plan.json"), base.stdout);
      const foreign = text.replace("arn:aws:iam::222222222222:root", "arn:aws:iam::666666666666:root");
      writeFileSync(join(dir, "head.yaml"), foreign);
      const markdown = await runCli(
        ...["diff", "--config", join(dir, "head.yaml"), "--base", join(dir, "base.plan.json"), "--format", "markdown"],
      );
      expect(markdown.code).toBe(3);
      const [verdict] = mermaidVerdicts(mermaidBlocks(markdown.stdout));
      expect(verdict).toMatchObject({ ok: true, diagramType: "flowchart-v2" });
      if (!verdict.ok) return;
      const label = (id: string) => verdict.nodes.find((n) => n.id === id)!.text;
      expect(verdict.edges.map((e) => `${label(e.from)} -> ${label(e.to)}: ${e.text}`)).toEqual([
        "Insights -> acme-dev / acme-dev-aws: ",
        "arn:aws:iam::222222222222:root -> acme-dev / acme-dev-aws: removed trust\nexternal ID",
        "arn:aws:iam::666666666666:root -> acme-dev / acme-dev-aws: added trust\nexternal ID",
      ]);
      // docs/review.md shows this very picture, in its excerpt and drawn.
      const readme = readFileSync(join(REPO, "docs", "review.md"), "utf8");
      expect(mermaidBlocks(readme).filter((block) => block === mermaidBlocks(markdown.stdout)[0])).toHaveLength(2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test("the checker is a real parser: it refuses an unquoted label with brackets and the bare keyword end", () => {
    const [paren, keyword] = mermaidVerdicts(["flowchart LR\n  a[Insights (acme)] --> b", "flowchart LR\n  end --> b"]);
    expect(paren).toMatchObject({ ok: false, error: expect.stringMatching(/Parse error on line 2/) });
    expect(keyword).toMatchObject({ ok: false, error: expect.stringMatching(/Parse error on line 2/) });
  });
});
