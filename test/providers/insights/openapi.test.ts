import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { z } from "zod";
import { INSIGHTS_CONNECTOR_KINDS as CATALOG } from "../../../connectors/catalog";
import { OPENAPI_FILE, openApiYaml } from "../../../providers/insights/write-openapi";

describe("providers/insights/openapi.yaml", () => {
  const doc = parse(readFileSync(OPENAPI_FILE, "utf8"));

  test("is up to date with the catalog (regenerate with npm run openapi)", () => {
    expect(readFileSync(OPENAPI_FILE, "utf8")).toBe(openApiYaml(CATALOG));
  });

  test.each(CATALOG.map((k) => [k.kind, k] as const))(
    "the %s create body is exactly the catalog's registration form",
    (_name, kind) => {
      const schema = doc.components.schemas[`Registration.${kind.kind}`];
      const fromCatalog = z.toJSONSchema(kind.registration.apiSchema, { target: "draft-2020-12" }) as any;
      expect(Object.keys(schema.properties).sort()).toEqual(Object.keys(fromCatalog.properties).sort());
      expect([...(schema.required ?? [])].sort()).toEqual([...(fromCatalog.required ?? [])].sort());
      expect(schema.additionalProperties).toBe(false);
      for (const field of kind.registration.fields.filter((f) => f.enteredIn !== "installer")) {
        expect(schema.properties[field.key].title).toBe(field.label);
        expect(Boolean(schema.properties[field.key]["x-secret"])).toBe(field.secret);
      }
      expect(
        doc.paths[`/sites/{siteId}/connectors/kinds/${kind.kind}`].post.requestBody.content["application/json"].schema
          .$ref,
      ).toBe(`#/components/schemas/Registration.${kind.kind}`);
    },
  );

  test("every operation has a summary, and the document its license: Redocly's recommended rules", () => {
    // `npm run lint:openapi` runs the rules themselves (operation-summary, info-license); this says which
    // operation lacks one without starting a process.
    const operations = Object.entries<Record<string, { summary?: string }>>(doc.paths).flatMap(([path, item]) =>
      Object.entries(item).map(([method, operation]) => [`${method.toUpperCase()} ${path}`, operation.summary]),
    );
    expect(operations.length).toBeGreaterThanOrEqual(9 + CATALOG.length);
    expect(operations.filter(([, summary]) => !summary)).toEqual([]);
    const { license } = JSON.parse(readFileSync(join(__dirname, "../../../package.json"), "utf8"));
    expect(doc.info.license).toEqual({ name: "Apache License 2.0", identifier: license });
  });

  test("marks its assumptions (auth, base path, version header, idempotency, fingerprints)", () => {
    const text = readFileSync(OPENAPI_FILE, "utf8");
    expect(text.match(/x-assumption:/g)!.length).toBeGreaterThanOrEqual(6);
    expect(doc.components.securitySchemes.bearerAuth).toMatchObject({ type: "http", scheme: "bearer" });
    expect(doc.components.parameters.apiVersion.in).toBe("header");
  });
});
