import { diffPicture } from "../../review/diff-picture";
import { CHANGE, tenant } from "../helpers/edge-changes";
import { renderDiffMarkdown } from "../../review/render-diff";
import type { PlanDiff } from "../../review/diff";

describe("diff picture: only what the change adds or removes", () => {
  const picture = diffPicture(CHANGE);
  const label = (id: string) => picture.nodes.find((n) => n.id === id)!.label;
  const arrows = picture.edges.map((e) => `${label(e.from)} -> ${label(e.to)}: ${e.label ?? ""} [${e.line}]`);

  test("trust, secrets and grouped grants, each edge marked added or removed in words and by its line", () => {
    expect(arrows).toEqual([
      "Insights -> acme-prod / acme-prod-aws:  [dotted]",
      "arn:aws:iam::222222222222:root -> acme-prod / acme-prod-aws: removed trust\nexternal ID [dotted]",
      "arn:aws:iam::666666666666:root -> acme-prod / acme-prod-aws: added trust\nno condition [thick]",
      "env:OKTA_API_TOKEN\nacme-prod / acme-prod-okta -> acme.okta.com: removed sent to [dotted]",
      "env:OKTA_API_TOKEN\nacme-prod / acme-prod-okta -> evil.okta.com: added sent to [thick]",
      "Insights -> acme-prod / acme-prod-azure:  [dotted]",
      "acme-prod / acme-prod-azure -> azure-management-group:root\nazure-rbac-role Owner: added admin [thick]",
      "Insights -> acme-prod / acme-prod-gcp:  [dotted]",
      "acme-prod / acme-prod-gcp -> gcp-project:p1\ngcp-api a\ngcp-api b\ngcp-api c\n… and 2 more: added read [thick]",
    ]);
  });

  test("added edges green, removed red; an added write or admin group is a red box", () => {
    const styled = picture.edges.filter((e) => e.label);
    for (const edge of styled)
      expect(edge.style).toBe(edge.label!.startsWith("added") ? "stroke:#1a7f37,stroke-width:2px" : "stroke:#cf222e");
    const red = picture.nodes.filter((n) => n.className === "write").map((n) => n.label);
    expect(red).toEqual(["azure-management-group:root\nazure-rbac-role Owner"]);
  });

  test("the diff markdown carries the picture after the escalations, only when an edge changes", () => {
    const diff: PlanDiff = {
      connectors: [
        {
          tenant,
          kind: "gcp",
          name: "Acme GCP",
          grants: [],
          scopes: { added: ["gcp-project:p1"], removed: [], grantsMoved: 0 },
          escalations: [],
        },
      ],
      escalations: [{ rule: "trust-principal-added", message: "acme-prod/AWS: trusts a new account", tenant }],
      edges: CHANGE,
    } as unknown as PlanDiff;
    const md = renderDiffMarkdown(diff);
    expect(md.match(/```mermaid\nflowchart LR\n/g)).toHaveLength(1);
    expect(md.indexOf("```mermaid")).toBeGreaterThan(md.indexOf("- acme-prod/AWS: trusts a new account"));
    expect(renderDiffMarkdown({ ...diff, edges: [] })).not.toContain("```mermaid");
  });
});
