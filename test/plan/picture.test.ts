import { join } from "node:path";
import { loadConfig } from "../../config/load";
import { buildPlan } from "../../plan/build";
import { planPicture } from "../../plan/picture";
import { renderMarkdown } from "../../plan/render-markdown";
import { REPO } from "../helpers/cli";

const plan = buildPlan(loadConfig(join(REPO, "examples", "all-sources.yaml")));
const tenant = plan.tenants[0];

describe("plan picture: Insights → each identity → what it may reach", () => {
  const picture = planPicture(tenant);
  const labelOf = (id: string) => picture.nodes.find((n) => n.id === id)!.label;
  const identities = picture.edges.filter((e) => e.from === "insights");

  test("one identity per connector, each reached from Insights once", () => {
    expect(identities.map((e) => labelOf(e.to).split("\n")[0])).toEqual(tenant.connectors.map((c) => c.name));
    expect(labelOf("insights")).toBe("Insights\nacme-prod · app.beyondtrust.io");
  });

  test("the edge into an identity: the trusted principal and its condition, else the secrets used and where", () => {
    const edgeTo = (kind: string) => identities[tenant.connectors.findIndex((c) => c.kind === kind)].label;
    // examples/all-sources.yaml: trustedPrincipal arn:aws:iam::222222222222:root (the catalog's trust grant,
    // without extraction), PRA at acme.beyondtrustcloud.com, Entra tenant 0f5b7c1e-… (login.microsoftonline.com).
    expect(edgeTo("aws")).toBe("trusts arn:aws:iam::222222222222:root\nexternal ID");
    expect(edgeTo("pra-cloud")).toBe("uses clientId, clientSecret\nat acme.beyondtrustcloud.com");
    expect(edgeTo("azure")).toBe("uses clientSecret\nat login.microsoftonline.com");
  });

  test("trust read from the artifacts: each principal with what binds it, boundary and session on the identity", () => {
    const aws = tenant.connectors.find((c) => c.kind === "aws")!;
    const artifact = "acme-prod-aws.template.json Resources.InsightsRoleAEC280F2";
    const trust = [
      {
        identity: "AWS role BeyondTrustInsightsReadOnly",
        artifact,
        maxSessionSeconds: 7200,
        permissionsBoundary: "arn:aws:iam::111111111111:policy/Boundary",
        trustedBy: [
          { type: "aws-principal" as const, principal: "arn:aws:iam::222222222222:root", conditions: [] },
          {
            type: "federated" as const,
            principal: "arn:aws:iam::111111111111:oidc-provider/token.actions.githubusercontent.com",
            conditions: ["StringLike token.actions.githubusercontent.com:sub = repo:acme/infra:*"],
          },
        ],
      },
    ];
    const picture = planPicture({ ...tenant, connectors: [{ ...aws, trust }] });
    expect(picture.edges[0].label).toBe(
      [
        "trusts arn:aws:iam::222222222222:root",
        "no condition",
        "federated arn:aws:iam::111111111111:oidc-provider/token.actions.githubusercontent.com",
        "StringLike token.actions.githubusercontent.com:sub = repo:acme/infra:*",
      ].join("\n"),
    );
    expect(picture.nodes[1].label).toBe(
      [
        "AWS Organization",
        "aws · aws-cdk stack acme-prod-aws",
        "boundary arn:aws:iam::111111111111:policy/Boundary",
        "sessions up to 2 h",
      ].join("\n"),
    );
  });

  test("grants are grouped by access and scope: small enough to read for a tenant of every kind", () => {
    const groups = picture.edges.filter((e) => e.from !== "insights");
    const grants = tenant.connectors.flatMap((c) => c.grants).filter((g) => g.kind !== "trust");
    const distinct = new Set(tenant.connectors.flatMap((c) => c.grants.map((g) => `${c.name}|${g.access}|${g.scope}`)));
    expect(groups).toHaveLength(distinct.size);
    expect(picture.edges.length).toBeLessThanOrEqual(40);
    expect(grants.length).toBeGreaterThan(100); // what one edge per grant would have drawn
    const entra = tenant.connectors.findIndex((c) => c.kind === "azure");
    expect(picture.nodes.map((n) => n.label)).toContain(
      "entra-tenant:0f5b7c1e-0000-4000-8000-000000000001\n20 graph-app-role\n1 office365-app-role",
    );
    expect(picture.edges).toContainEqual({ from: `c${entra}`, to: `c${entra}g1`, label: "read" });
  });

  test("a write group is drawn red and thick; read groups plain", () => {
    const writes = picture.edges.filter((e) => e.label === "write" || e.label === "admin");
    const writeGrants = new Set(
      tenant.connectors.flatMap((c) => c.grants.filter((g) => g.access !== "read").map((g) => `${c.name}|${g.scope}`)),
    );
    expect(writes).toHaveLength(writeGrants.size);
    for (const edge of writes) {
      expect(edge).toMatchObject({ line: "thick", style: "stroke:#cf222e,stroke-width:2px" });
      expect(picture.nodes.find((n) => n.id === edge.to)!.className).toBe("write");
    }
    expect(picture.nodes.filter((n) => n.className === "write")).toHaveLength(writes.length);
  });

  test("plan markdown carries the picture once per tenant, after the tenant's totals", () => {
    const md = renderMarkdown(plan);
    expect(md.match(/```mermaid\nflowchart LR\n/g)).toHaveLength(1);
    expect(md.indexOf("```mermaid")).toBeGreaterThan(md.indexOf("## Tenant `acme-prod`"));
    expect(md.indexOf("```mermaid")).toBeLessThan(md.indexOf("### "));
  });
});
