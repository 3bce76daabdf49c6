// The tenant config reference, generated from the zod schemas so it cannot drift from
// what the loader accepts: a JSON Schema for editors, and a Markdown page per kind.
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { Document, parseDocument, type YAMLMap, type YAMLSeq } from "yaml";
import { z } from "zod";
import { CATALOG } from "../connectors/catalog";
import { tenantConfigSchema } from "../config/schema";
import { markdownCell } from "../providers/text/markdown";

/**
 * The checkout or installed package this module runs from: the sources (ts-node, jest) and the
 * compiled copy in dist/ both sit inside it, and the package ships examples/ and docs/ for `init`.
 */
function checkoutRoot(from: string): string {
  for (let dir = from; dirname(dir) !== dir; dir = dirname(dir)) {
    if (existsSync(join(dir, "examples")) && existsSync(join(dir, "package.json"))) return dir;
  }
  throw new Error(`no examples/ folder above ${from}: the config reference is built from the examples`);
}

const REPO = checkoutRoot(__dirname);
/** Where the committed copies live; tests check they equal what this module generates. */
export const SCHEMA_FILE = join(REPO, "docs", "tenant-config.schema.json");
export const REFERENCE_FILE = join(REPO, "docs", "tenant-config.md");

type JsonSchema = { [key: string]: any };

/** The JSON Schema of the config file as written (secret references are strings). */
export function tenantConfigJsonSchema(): JsonSchema {
  // Cross-field rules (refinements) cannot be expressed in JSON Schema; `plan` still checks them.
  const schema = z.toJSONSchema(tenantConfigSchema, {
    io: "input",
    unrepresentable: "any",
    target: "draft-2020-12",
  }) as JsonSchema;
  return {
    ...schema,
    title: "insights-connectors tenant config",
    description: "One or more Identity Security Insights tenants and their connectors.",
  };
}

/** The connector entry of a kind from the examples, comments kept: every example passes `plan`. */
export function exampleConnector(kind: string): string {
  for (const file of ["all-sources.yaml", "pra-privileged-identity.yaml"]) {
    const doc = parseDocument(readFileSync(join(REPO, "examples", file), "utf8"));
    const connectors = doc.getIn(["tenants", 0, "connectors"]) as YAMLSeq<YAMLMap>;
    const found = connectors.items.find((item) => item.get("kind") === kind);
    if (found) return new Document(found).toString();
  }
  throw new Error(`no example of kind ${kind} under examples/`);
}

/** What a single-account or organization user must know about a field, beside its type. */
const NOTES: Record<string, string> = {
  "aws.managementAccountId":
    "the 12-digit ID of the AWS account you deploy the stack to. With `organization` that is the organization's " +
    "management account; for a single account, it is that account's own ID.",
  "aws.organization": "omit for a single account; with `rootOrgUnitId` the role also goes to every member account.",
  "aws.trustedPrincipal": "the principal in the Insights CloudFormation template (Insights connection panel).",
  "gcp.project":
    "`deletionPolicy` (PREVENT, ABANDON or DELETE; default PREVENT) decides what `down` does with a created " +
    "project: PREVENT leaves it, ABANDON leaves it and drops it from state, DELETE deletes it (run `up` first).",
  "aws.externalId": "a secret reference (`env:NAME` or `file:PATH`) to the external ID shown in the connection panel.",
};

function typeOf(schema: JsonSchema): string {
  if (schema.const !== undefined) return `\`${JSON.stringify(schema.const)}\``;
  if (schema.enum) return schema.enum.map((v: unknown) => `\`${v}\``).join(" or ");
  if (schema.type === "array") return `list of ${schema.items ? typeOf(schema.items) : "values"}`;
  if (schema.type === "object")
    return schema.properties ? `object (${Object.keys(schema.properties).join(", ")})` : "map";
  if (schema.oneOf?.every((s: JsonSchema) => s.properties?.kind?.const))
    return "one entry per connector, by `kind` (below)";
  if (schema.anyOf || schema.oneOf) return (schema.anyOf ?? schema.oneOf).map(typeOf).join(" or ");
  const limits = [
    schema.pattern && `pattern \`${schema.pattern}\``,
    schema.minimum !== undefined && `≥ ${schema.minimum}`,
    schema.maximum !== undefined && `≤ ${schema.maximum}`,
  ];
  return [schema.type ?? "any", ...limits.filter(Boolean)].join(", ");
}

function fieldRows(kind: string, schema: JsonSchema): string[] {
  const required = new Set<string>(schema.required ?? []);
  return Object.entries<JsonSchema>(schema.properties ?? {}).map(([field, s]) => {
    const note = NOTES[`${kind}.${field}`] ?? "";
    const fallback = s.default === undefined ? "" : `\`${JSON.stringify(s.default)}\``;
    return `| \`${field}\` | ${required.has(field) ? "yes" : "no"} | ${markdownCell(typeOf(s))} | ${fallback} | ${note} |`;
  });
}

/** The Markdown reference: the file's shape, the `insights:` target, then each kind with an example. */
export function configReferenceMarkdown(): string {
  const schema = tenantConfigJsonSchema();
  const tenant = schema.properties.tenants.items;
  const kinds: JsonSchema[] = tenant.properties.connectors.items.oneOf;
  const table = ["| field | required | type | default | notes |", "| --- | --- | --- | --- | --- |"];
  const sections = CATALOG.map((entry) => {
    const kindSchema = kinds.find((k) => k.properties.kind.const === entry.kind)!;
    return [
      `## \`${entry.kind}\`: ${entry.title}`,
      "",
      ...table,
      ...fieldRows(entry.kind, kindSchema),
      "",
      "```yaml",
      exampleConnector(entry.kind).trimEnd(),
      "```",
      "",
    ].join("\n");
  });
  return [
    "# Tenant config reference",
    "",
    "Generated from the config schemas by `insights-connectors schema --format markdown`; do not edit by hand.",
    "Editors validate and complete a config file with `docs/tenant-config.schema.json` (first line of every",
    "example: `# yaml-language-server: $schema=…`). `insights-connectors init` writes a starter file.",
    "",
    "Secrets are references, never values: `env:NAME` or `file:PATH` (relative to the config file, owner-only).",
    "",
    "## The file",
    "",
    ...table,
    ...fieldRows("file", schema),
    "",
    "## `tenants[]`",
    "",
    ...table,
    ...fieldRows("tenant", tenant),
    "",
    "## `tenants[].insights`",
    "",
    "`http` needs `url`, `siteId` and `token`; `sheet` writes step-by-step sheets; `emulator` talks to `insights-connectors emulator`.",
    "",
    ...table,
    ...fieldRows("insights", tenant.properties.insights),
    "",
    ...sections,
  ].join("\n");
}
