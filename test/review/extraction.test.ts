import { readdirSync } from "node:fs";
import { join } from "node:path";
import { App } from "aws-cdk-lib";
import { PolicyStatement } from "aws-cdk-lib/aws-iam";
import type { AwsConnectorConfig } from "../../connectors/aws/config";
import { kindOf } from "../../connectors/catalog";
import type { GithubConnectorConfig } from "../../connectors/github/config";
import { githubGrants as catalogGithubGrants } from "../../connectors/github/grants";
import { loadConfig } from "../../config/load";
import { InsightsAwsConnectorStack, awsStackProps } from "../../stacks/aws/connector-stack";
import { githubAppManifest } from "../../connectors/github/app-manifest";
import { compareGrants } from "../../review/consistency";
import { planSynthesis } from "../../kinds/plan-synthesis";
import { buildPlan } from "../../plan/build";
import { connectorKey } from "../../plan/connector-key";
import { plannedConnectors } from "../../plan/select";
import { extractGrants } from "../../review/extract";
import { awsTemplateGrants } from "../../review/extract/aws-connector-template";
import { githubManifestGrants } from "../../review/extract/github-manifest";
import { declareOktaProgram } from "../../review/extract/okta-program";
import { oktaProgramGrants } from "../../review/extract/okta-program-grants";
import type { OktaConnectorConfig } from "../../connectors/okta/config";
import { REPO } from "../helpers/cli";
import { cdktfGrants } from "../helpers/engines";

const EXAMPLES = readdirSync(join(REPO, "examples")).filter((f) => f.endsWith(".yaml"));

describe("grants extracted from the synthesized artifacts", () => {
  test.each(EXAMPLES)(
    "golden: every stack of examples/%s grants exactly what the catalog says",
    async (file) => {
      const config = loadConfig(join(REPO, "examples", file));
      const extracted = await extractGrants(plannedConnectors(buildPlan(config)), planSynthesis());
      let checked = 0;
      for (const tenant of config.tenants) {
        for (const connector of tenant.connectors) {
          const found = extracted.get(connectorKey(tenant.name, connector.kind, connector.name));
          if (kindOf(connector).provisioning.mode !== "stack") {
            expect(found).toBeUndefined();
            continue;
          }
          expect(found?.length).toBeGreaterThan(0);
          expect(compareGrants(kindOf(connector).grants(connector as never), found!)).toEqual([]);
          checked += 1;
        }
      }
      const stackKinds = config.tenants
        .flatMap((t) => t.connectors)
        .filter((c) => kindOf(c).provisioning.mode === "stack").length;
      expect(checked).toBe(stackKinds);
    },
    60_000,
  );

  const aws = loadConfig(join(REPO, "examples", "all-sources.yaml")).tenants[0].connectors.find(
    (c) => c.kind === "aws",
  ) as AwsConnectorConfig;

  test("a stack that grants one more action fails the check, naming the action and where it is", () => {
    const app = new App();
    const stack = new InsightsAwsConnectorStack(app, "mutated-aws", awsStackProps(aws));
    stack.role.role.addToPrincipalPolicy(new PolicyStatement({ actions: ["iam:PassRole"], resources: ["*"] }));
    const template = app.synth().getStackByName("mutated-aws").template;
    const mismatches = compareGrants(
      kindOf(aws).grants(aws),
      awsTemplateGrants(template, aws, "mutated-aws.template.json"),
    );
    expect(mismatches).toEqual([
      expect.objectContaining({
        problem: "not in catalog",
        grant: "aws-action iam:PassRole @ aws-organization:r-ab12",
        artifact: expect.stringMatching(/^mutated-aws\.template\.json Resources\./),
      }),
    ]);
  });

  test("a trust without the external ID condition is a difference; so is a member-account role that disagrees", () => {
    const app = new App();
    new InsightsAwsConnectorStack(app, "trust-aws", awsStackProps(aws));
    const template = app.synth().getStackByName("trust-aws").template;
    const dropCondition = (resources: Record<string, any>) => {
      for (const resource of Object.values<any>(resources))
        if (resource.Type === "AWS::IAM::Role")
          delete resource.Properties.AssumeRolePolicyDocument.Statement[0].Condition;
    };
    dropCondition(template.Resources);
    const onlyManagement = compareGrants(kindOf(aws).grants(aws), awsTemplateGrants(template, aws, "t.json"));
    expect(onlyManagement.map((m) => m.detail)).toEqual([
      expect.stringMatching(
        /^t\.json Resources\.InsightsRole\w+ and t\.json Resources\.MemberAccounts\.TemplateBody Resources\.InsightsRole\w+ disagree$/,
      ),
    ]);
    const stackSet = Object.values<any>(template.Resources).find((r) => r.Type === "AWS::CloudFormation::StackSet");
    const member = JSON.parse(stackSet.Properties.TemplateBody);
    dropCondition(member.Resources);
    stackSet.Properties.TemplateBody = JSON.stringify(member);
    const both = compareGrants(kindOf(aws).grants(aws), awsTemplateGrants(template, aws, "t.json"));
    expect(both.map((m) => [m.problem, m.detail])).toEqual([
      ["condition differs", 'catalog "StringEquals sts:ExternalId", artifact "none"'],
    ]);
  });

  test("Terraform JSON: an extra organization role, a permission requested without consent, an API disabled on destroy", async () => {
    const config = loadConfig(join(REPO, "examples", "all-sources.yaml"));
    const { Testing } = await import("cdktf");
    const { InsightsGcpConnectorStack, gcpStackProps } = await import("../../stacks/gcp/gcp-connector-stack");
    const { InsightsEntraConnectorStack, entraStackProps } = await import("../../stacks/azure/entra-connector-stack");
    const gcp = config.tenants[0].connectors.find((c) => c.kind === "gcp")!;
    const gcpJson = JSON.parse(
      Testing.synth(new InsightsGcpConnectorStack(Testing.app(), "g", gcpStackProps(gcp as never))),
    );
    gcpJson.resource.google_organization_iam_member.owner = {
      org_id: "123456789012",
      role: "roles/owner",
      member: "x",
    };
    gcpJson.resource.google_project_service.connector_project_iam.disable_on_destroy = true;
    expect(
      compareGrants(kindOf(gcp).grants(gcp as never), await cdktfGrants("gcp", gcpJson, "g"))
        .map((m) => `${m.problem}: ${m.grant}`)
        .sort(),
    ).toEqual([
      "condition differs: gcp-api iam.googleapis.com @ gcp-project:bt-insights-connector",
      "not in catalog: gcp-iam-role roles/owner @ gcp-organization:123456789012",
    ]);
    const azure = config.tenants[0].connectors.find((c) => c.kind === "azure")!;
    const entraJson = JSON.parse(
      Testing.synth(new InsightsEntraConnectorStack(Testing.app(), "a", entraStackProps(azure as never))),
    );
    delete entraJson.resource.azuread_app_role_assignment.graph_consent_user_read_all;
    expect(
      compareGrants(kindOf(azure).grants(azure as never), await cdktfGrants("azure", entraJson, "a")).map((m) => [
        m.problem,
        m.grant,
        m.detail,
      ]),
    ).toEqual([
      [
        "condition differs",
        "graph-app-role User.Read.All @ entra-tenant:0f5b7c1e-0000-4000-8000-000000000001",
        'catalog "none", artifact "requested but not consented"',
      ],
    ]);
  });

  test("GitHub manifest: a write permission is an access difference", () => {
    const github = { kind: "github", name: "GH", organization: "acme" } as GithubConnectorConfig;
    const manifest = githubAppManifest(github, "x");
    (manifest.default_permissions as Record<string, string>).members = "write";
    expect(
      compareGrants(catalogGithubGrants(github), githubManifestGrants(manifest, github, "m")).map((m) => [
        m.problem,
        m.detail,
      ]),
    ).toEqual([["access differs", "catalog read, artifact write"]]);
  });

  test.each([
    ["another org's ID", "orn:okta:iam:00oSOMEONEELSE:contained_resources"],
    ["the preview partition for a production org", "orn:oktapreview:iam:00oPLANPLACEHOLDER:contained_resources"],
  ])(
    "Okta resource set: an ORN with %s is reported, not read back as the guide's label",
    async (_, wrongOrn) => {
      const connectors = loadConfig(join(REPO, "examples", "all-sources.yaml")).tenants[0].connectors;
      const okta = connectors.find((c) => c.kind === "okta") as OktaConnectorConfig;
      const declared = await declareOktaProgram(okta, "okta-orn");
      const set = declared.find((r) => r.type === "okta:index/resourceSet:ResourceSet")!;
      expect(set.inputs.resourcesOrns).toEqual(["orn:okta:iam:00oPLANPLACEHOLDER:contained_resources"]);
      expect(compareGrants(kindOf(okta).grants(okta), oktaProgramGrants(declared, okta, "p"))).toEqual([]);
      set.inputs.resourcesOrns = [wrongOrn];
      const mismatches = compareGrants(kindOf(okta).grants(okta), oktaProgramGrants(declared, okta, "p"));
      expect(mismatches.map((m) => `${m.problem}: ${m.grant}`)).toEqual([
        "missing from artifact: okta-resource-set All Identity and Access Management resources @ okta-org:acme.okta.com",
        `not in catalog: okta-resource-set ${wrongOrn} @ okta-org:acme.okta.com`,
      ]);
    },
    60_000,
  );

  test("Entra: a permission requested but not consented is classed by its name, not read", async () => {
    const config = loadConfig(join(REPO, "examples", "all-sources.yaml"));
    const { Testing } = await import("cdktf");
    const { InsightsEntraConnectorStack, entraStackProps } = await import("../../stacks/azure/entra-connector-stack");
    const azure = config.tenants[0].connectors.find((c) => c.kind === "azure")!;
    const stack = new InsightsEntraConnectorStack(Testing.app(), "a", entraStackProps(azure as never));
    const json = JSON.parse(Testing.synth(stack));
    const graphRoles = "data.azuread_service_principal.graph_service_principal.app_role_ids";
    const ref = (permission: string) => `\${${graphRoles}["${permission}"]}`;
    const accesses = Object.values<any>(json.resource.azuread_application)[0].required_resource_access;
    const graph = accesses.find((r: any) => r.resource_access.some((a: any) => a.id === ref("User.Read.All")));
    graph.resource_access.push({ id: ref("Mail.Send"), type: "Role" });
    const mailSend = (await cdktfGrants("azure", json, "a")).filter((g) => g.name === "Mail.Send");
    expect(mailSend.map((g) => [g.access, g.condition])).toEqual([["write", "requested but not consented"]]);
  }, 60_000);
});
