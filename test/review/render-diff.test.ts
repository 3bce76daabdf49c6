import type { PlanDiff } from "../../review/diff";
import type { Escalation } from "../../review/escalation";
import { renderDiffMarkdown } from "../../review/render-diff";

const wildcard: Escalation = { rule: "grant-wildcard", message: "acme/ops: wildcard in\nnext", tenant: "acme" };

/** A diff whose strings carry everything a Markdown row must survive. */
const hostile: PlanDiff = {
  connectors: [
    {
      tenant: "acme\u001b]0;owned\u0007",
      kind: "aws",
      name: "ops | prod",
      identity: "acme-aws",
      grants: [
        {
          change: "added",
          grant: {
            source: "aws",
            scope: "aws-account:1",
            kind: "aws-action",
            name: "s3:GetObject",
            access: "read",
            condition: "Resource a\\|b\nsecond line",
          },
        },
      ],
      scopes: { added: [], removed: [], grantsMoved: 0 },
      escalations: [wildcard],
    },
  ],
  escalations: [wildcard],
  edges: [],
};

describe("diff as Markdown: cells and headings through the one escaper", () => {
  const md = renderDiffMarkdown(hostile);

  test("a grant whose condition holds a backslash-pipe and a newline stays one row of three cells", () => {
    const row = md.split("\n").find((line) => line.startsWith("| + |"))!;
    expect(row).toBe("| + | aws-action s3:GetObject (Resource a\\\\\\|b<br>second line) @ aws-account:1 | read |");
  });

  test("tenant and connector names lose control sequences and keep their pipe escaped; escalations stay one line", () => {
    expect(md).toContain("**acme / ops \\| prod** (`aws`)");
    expect(md).toContain("- acme/ops: wildcard in<br>next `grant-wildcard`\n");
    expect(md).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/);
  });
});
