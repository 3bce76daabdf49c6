// Every field of the tenant config says what it means, in the schema itself: the JSON Schema an
// editor hovers over, and docs/tenant-config.md, are generated from it (issue 29: 1 description in
// the whole JSON Schema, 90 of 128 reference rows with empty notes).
import { readFileSync } from "node:fs";
import { configReferenceMarkdown, REFERENCE_FILE, tenantConfigJsonSchema } from "../../cli/config-reference";

type JsonSchema = { [key: string]: any };

/** Every property of every object in the schema, as `path → its schema`, following lists and unions. */
function fieldsOf(schema: JsonSchema, path = ""): Map<string, JsonSchema> {
  const fields = new Map<string, JsonSchema>();
  const visit = (node: JsonSchema | undefined, at: string) => {
    if (!node || typeof node !== "object") return;
    for (const [name, property] of Object.entries<JsonSchema>(node.properties ?? {})) {
      fields.set(`${at}.${name}`, property);
      visit(property, `${at}.${name}`);
    }
    if (node.items) visit(node.items, `${at}[]`);
    for (const union of ["oneOf", "anyOf", "allOf"] as const) {
      (node[union] ?? []).forEach((option: JsonSchema) => {
        const kind = option.properties?.kind?.const;
        visit(option, kind ? `${at}<${kind}>` : at);
      });
    }
  };
  visit(schema, path);
  return fields;
}

const fields = fieldsOf(tenantConfigJsonSchema());

describe("every config field carries its description", () => {
  test("the walk reaches nested fields of every kind (so a count of zero means something)", () => {
    expect([...fields.keys()]).toEqual(
      expect.arrayContaining([
        ".version",
        ".tenants[].insights.token",
        ".tenants[].connectors[]<aws>.organization.rootOrgUnitId",
        ".tenants[].connectors[]<gcp>.project.billingAccount",
        ".tenants[].connectors[]<pra-privileged-identity>.plugin.endpointUrl",
        ".tenants[].connectors[]<remote-support-cloud>.clientSecret",
      ]),
    );
    expect(fields.size).toBeGreaterThanOrEqual(122); // 122 when this test was written
  });

  test("no field of the JSON Schema is without a description", () => {
    const missing = [...fields].filter(([, s]) => typeof s.description !== "string" || s.description.trim() === "");
    expect(missing.map(([path]) => path)).toEqual([]);
  });

  test("a description is a sentence of its own, not the field name again", () => {
    const poor = [...fields].filter(([path, s]) => {
      const name = path.split(".").at(-1)!;
      return s.description.length < 20 || s.description.trim().toLowerCase() === name.toLowerCase();
    });
    expect(poor.map(([path, s]) => `${path}: ${s.description}`)).toEqual([]);
  });

  test("docs/tenant-config.md has no row with empty notes", () => {
    for (const text of [configReferenceMarkdown(), readFileSync(REFERENCE_FILE, "utf8")]) {
      const rows = text.split("\n").filter((line) => /^\| `[^`]+` \| (yes|no) \|/.test(line));
      expect(rows.length).toBe(fields.size); // one row per field, nested ones as `parent.child`
      expect(rows.filter((row) => /\|\s*\|$/.test(row))).toEqual([]);
    }
  });
});
