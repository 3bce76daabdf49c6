import { Testing } from "cdktf";
import type { AzureConnectorConfig } from "../../connectors/azure/config";
import type { PingOneConnectorConfig } from "../../connectors/pingone/config";
import type { AttributeSchema, ObjectSchema } from "../../providers/terraform/docs-schema";
import { InsightsEntraConnectorStack, entraStackProps } from "../../stacks/azure/entra-connector-stack";
import { InsightsPingOneConnectorStack, pingoneStackProps } from "../../stacks/pingone/pingone-connector-stack";
import { VALID } from "../helpers/config-text";
import { connectorFrom, synthJson, type TerraformJson } from "../stacks/cdktf/helpers";

/** A provider's published schema, excerpted by providers/terraform/write-schema-excerpt.ts. */
interface SchemaExcerpt {
  source: { repository: string; commit: string };
  provider: { path: string; attributes: ObjectSchema };
  resources: Record<string, { path: string; attributes: ObjectSchema }>;
  dataSources: Record<string, { path: string; attributes: ObjectSchema }>;
}

const EXCERPTS: Record<string, SchemaExcerpt> = {
  pingone: require("../../providers/pingone/schema-excerpt.json"),
  azurerm: require("../../providers/azurerm/schema-excerpt.json"),
};

/** Terraform's own meta-arguments, which no provider schema lists. */
const META_ARGUMENTS = new Set(["count", "for_each", "provider", "depends_on", "lifecycle"]);

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const literals = (v: unknown): string[] =>
  (Array.isArray(v) ? v : [v]).filter((x): x is string => typeof x === "string" && !x.includes("${"));

/** Why one value does not fit its published attribute; recurses into nested attributes and blocks. */
function attributeProblems(value: unknown, schema: AttributeSchema, where: string): string[] {
  if (schema.readOnly) return [`${where}: read-only in the provider's schema, cannot be set`];
  if (schema.nesting === "nested-attribute") {
    if (!isObject(value))
      return [
        `${where}: a nested attribute (name = { … }), written as ${
          Array.isArray(value) ? "a block list" : typeof value
        }`,
      ];
    return objectProblems(value, schema.attributes ?? {}, where);
  }
  if (schema.nesting === "block") {
    const blocks = Array.isArray(value) ? value : [value];
    if (!blocks.every(isObject)) return [`${where}: a block, written as ${typeof value}`];
    return blocks.flatMap((b, i) =>
      objectProblems(b as Record<string, unknown>, schema.attributes ?? {}, `${where}[${i}]`),
    );
  }
  const outside = schema.options ? literals(value).filter((v) => !schema.options!.includes(v)) : [];
  return outside.map((v) => `${where}: "${v}" is not one of the provider's options (${schema.options!.join(", ")})`);
}

/** Every argument exists in the schema with the right nesting, and every required one is set. */
function objectProblems(value: Record<string, unknown>, schema: ObjectSchema, where: string): string[] {
  const problems: string[] = [];
  for (const [name, v] of Object.entries(value)) {
    if (name === "//" || META_ARGUMENTS.has(name)) continue;
    const attribute = schema[name];
    if (!attribute) problems.push(`${where}.${name}: not in the provider's schema`);
    else problems.push(...attributeProblems(v, attribute, `${where}.${name}`));
  }
  for (const [name, attribute] of Object.entries(schema)) {
    if (attribute.required && !(name in value)) problems.push(`${where}.${name}: required by the provider, not set`);
  }
  return problems;
}

/** Every block of the synthesized JSON that belongs to `provider`, checked against its excerpt. */
function conformance(json: TerraformJson, provider: string): { checked: string[]; problems: string[] } {
  const excerpt = EXCERPTS[provider];
  const checked: string[] = [];
  const problems: string[] = [];
  const check = (kind: string, types: Record<string, Record<string, any>>, schemas: SchemaExcerpt["resources"]) => {
    for (const [type, blocks] of Object.entries(types).filter(([t]) => t.startsWith(`${provider}_`))) {
      if (!schemas[type]) problems.push(`${kind} ${type}: no excerpt of its docs page`);
      else
        for (const [name, block] of Object.entries(blocks)) {
          checked.push(`${kind}.${type}.${name}`);
          problems.push(...objectProblems(block, schemas[type].attributes, `${kind}.${type}.${name}`));
        }
    }
  };
  check("resource", json.resource, excerpt.resources);
  check("data", json.data, excerpt.dataSources);
  for (const [index, block] of (json.provider[provider] ?? []).entries()) {
    checked.push(`provider.${provider}[${index}]`);
    problems.push(...objectProblems(block, excerpt.provider.attributes, `provider.${provider}[${index}]`));
  }
  return { checked, problems };
}

function pingoneJson(region = "EU"): TerraformJson {
  const connector = connectorFrom<PingOneConnectorConfig>(VALID.pingone.replace("region: EU", `region: ${region}`));
  return synthJson((app) => new InsightsPingOneConnectorStack(app, "acme-pingone", pingoneStackProps(connector)));
}

function entraJson(): TerraformJson {
  const connector = connectorFrom<AzureConnectorConfig>(
    `${VALID.azure}\nazureResources: true\nsubscriptionId: 0f5b7c1e-0000-4000-8000-000000000009`,
  );
  return synthJson((app) => new InsightsEntraConnectorStack(app, "acme-azure", entraStackProps(connector)));
}

describe("hand-written bindings against the providers' published schemas", () => {
  test.each(Object.entries(EXCERPTS))("the %s excerpt names its repository, commit and pages", (_, excerpt) => {
    expect(excerpt.source.repository).toMatch(/^[\w-]+\/terraform-provider-[\w-]+$/);
    expect(excerpt.source.commit).toMatch(/^[0-9a-f]{40}$/);
    for (const page of [excerpt.provider, ...Object.values(excerpt.resources), ...Object.values(excerpt.dataSources)]) {
      expect(Object.keys(page.attributes).length).toBeGreaterThan(0);
    }
  });

  test("PingOne: every resource, data source and provider argument the stack writes is in the provider's docs", () => {
    for (const region of ["NA", "EU", "CA", "AP"]) {
      const { checked, problems } = conformance(pingoneJson(region), "pingone");
      expect(problems).toEqual([]);
      expect(checked).toEqual(
        expect.arrayContaining([
          "resource.pingone_application.connector_application",
          "resource.pingone_application_secret.connector_application_secret",
          "resource.pingone_application_role_assignment.assign_identity_data_read_only",
          "data.pingone_role.role_identity_data_read_only",
          "provider.pingone[0]",
        ]),
      );
    }
  });

  test("PingOne: `previous` is a nested attribute (previous = { … }) in the HCL the binding writes too", () => {
    const hcl = Testing.synthHcl(
      new InsightsPingOneConnectorStack(Testing.app(), "acme-pingone", pingoneStackProps(connectorFrom(VALID.pingone))),
    );
    expect(hcl).toMatch(/previous\s*=\s*\{\s*expires_at\s*=/);
    expect(hcl).toMatch(/oidc_options\s*=\s*\{/);
  });

  test("azurerm: the role assignment and the provider block match the provider's docs", () => {
    const { checked, problems } = conformance(entraJson(), "azurerm");
    expect(problems).toEqual([]);
    expect(checked.filter((c) => c.startsWith("resource.azurerm_role_assignment"))).toHaveLength(1);
    expect(checked).toContain("provider.azurerm[0]");
  });

  test("the check sees the defects it exists for: unknown names, wrong nesting, missing required, bad options", () => {
    const json = pingoneJson();
    const secret = json.resource.pingone_application_secret.connector_application_secret;
    secret.previous = [secret.previous];
    secret.expires_at = "2026-01-01T00:00:00Z";
    delete json.resource.pingone_application_role_assignment.assign_identity_data_read_only.role_id;
    json.resource.pingone_application.connector_application.oidc_options.grant_types = ["CLIENT_CREDENTIAL"];
    json.data.pingone_role.role_identity_data_read_only.name = "Identity Data Read-Only";
    json.resource.pingone_application.connector_application.id = "set-by-hand";
    expect(conformance(json, "pingone").problems.sort()).toEqual([
      'data.pingone_role.role_identity_data_read_only.name: "Identity Data Read-Only" is not one of the provider\'s options ' +
        `(${EXCERPTS.pingone.dataSources.pingone_role.attributes.name.options!.join(", ")})`,
      "resource.pingone_application.connector_application.id: read-only in the provider's schema, cannot be set",
      'resource.pingone_application.connector_application.oidc_options.grant_types: "CLIENT_CREDENTIAL" is not one of the provider\'s options ' +
        "(AUTHORIZATION_CODE, CIBA, CLIENT_CREDENTIALS, DEVICE_CODE, IMPLICIT, REFRESH_TOKEN, TOKEN_EXCHANGE)",
      "resource.pingone_application_role_assignment.assign_identity_data_read_only.role_id: required by the provider, not set",
      "resource.pingone_application_secret.connector_application_secret.expires_at: not in the provider's schema",
      "resource.pingone_application_secret.connector_application_secret.previous: a nested attribute (name = { … }), written as a block list",
    ]);
  });

  test("azurerm without its mandatory features block fails the check", () => {
    const json = entraJson();
    delete json.provider.azurerm[0].features;
    expect(conformance(json, "azurerm").problems).toEqual([
      "provider.azurerm[0].features: required by the provider, not set",
    ]);
  });
});
