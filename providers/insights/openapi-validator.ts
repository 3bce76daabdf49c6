import Ajv2020, { type ValidateFunction } from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { printable } from "../text/printable";
import type { ApiConnectorKind } from "./api-kind";
import { insightsOpenApi } from "./openapi";

interface Operation {
  operationId: string;
  requestBody?: { content?: Record<string, { schema: object }> };
  responses: Record<string, { content?: Record<string, { schema: object }> }>;
}

type OpenApiDocument = { paths: Record<string, Record<string, Operation>> };

/**
 * Requests and responses checked against the contract (OpenAPI 3.1 schemas are JSON
 * Schema 2020-12). The http client believes no answer the contract does not describe;
 * the contract tests check both directions with the same code, against openapi.yaml itself.
 * At run time the document is built in memory, as `npm run openapi` builds the YAML (a test
 * keeps the two equal): parsing the 1,500-line YAML took 0.7 s per process, building it 0.06 s.
 */
export class OpenApiValidator {
  private readonly ajv: Ajv2020;
  private readonly operations: { method: string; pattern: RegExp; operation: Operation }[] = [];
  private readonly compiled = new Map<object, ValidateFunction>();

  /**
   * `checkSchemas`: also check the document against the JSON Schema meta-schema (the contract
   * tests do; a run need not).
   */
  constructor(document: OpenApiDocument, options: { checkSchemas?: boolean } = {}) {
    this.ajv = new Ajv2020({ strict: false, allErrors: true, validateSchema: options.checkSchemas ?? false });
    addFormats(this.ajv);
    this.ajv.addSchema({ ...document, $id: "openapi.json" });
    for (const [template, item] of Object.entries(document.paths)) {
      const pattern = new RegExp(`^${template.replace(/\{[^}]+\}/g, "[^/]+")}$`);
      for (const method of ["get", "post", "patch", "delete"]) {
        if (item[method]) this.operations.push({ method: method.toUpperCase(), pattern, operation: item[method] });
      }
    }
    // Literal paths (kinds/<kind>) before templated ones.
    this.operations.sort((a, b) => a.pattern.source.split("[^/]+").length - b.pattern.source.split("[^/]+").length);
  }

  /** The operation a request is for (path relative to the API base), if the contract has it. */
  operation(method: string, path: string): Operation | undefined {
    return this.operations.find((o) => o.method === method && o.pattern.test(path.split("?")[0]))?.operation;
  }

  /** Problems of `data` against an operation's schema; messages name paths, never values. */
  validate(schema: { $ref?: string }, data: unknown, where: string): string[] {
    let validate = this.compiled.get(schema);
    if (!validate) {
      validate = this.ajv.compile({ $ref: `openapi.json${schema.$ref ?? ""}`, ...(schema.$ref ? {} : schema) });
      this.compiled.set(schema, validate);
    }
    return validate(data)
      ? []
      : (validate.errors ?? []).map((e) => `${where}: ${printable(e.instancePath) || "(root)"} ${e.message}`);
  }

  /**
   * The response's JSON schema for a status, `null` for a status without a body (204),
   * undefined when not in the contract.
   */
  responseSchema(operation: Operation, status: number): object | null | undefined {
    const response = operation.responses[String(status)];
    if (!response) return undefined;
    return response.content?.["application/json"]?.schema ?? null;
  }

  requestSchema(operation: Operation): object | undefined {
    return operation.requestBody?.content?.["application/json"]?.schema;
  }
}

const shared = new WeakMap<readonly ApiConnectorKind[], OpenApiValidator>();

/**
 * One validator per list of kinds (the catalog's, in practice): compiling the document's
 * schemas is the expensive part.
 */
export function contractValidator(kinds: readonly ApiConnectorKind[]): OpenApiValidator {
  let validator = shared.get(kinds);
  if (!validator) shared.set(kinds, (validator = new OpenApiValidator(insightsOpenApi(kinds) as OpenApiDocument)));
  return validator;
}
