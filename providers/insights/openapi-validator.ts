import { readFileSync } from "node:fs";
import { join } from "node:path";
import Ajv2020, { type ValidateFunction } from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { parse } from "yaml";
import { printable } from "../text/printable";

/** The written contract, as generated (a test keeps it equal to openapi.ts's output). */
export const OPENAPI_FILE = join(__dirname, "openapi.yaml");

interface Operation {
  operationId: string;
  requestBody?: { content?: Record<string, { schema: object }> };
  responses: Record<string, { content?: Record<string, { schema: object }> }>;
}

/**
 * Requests and responses checked against openapi.yaml (OpenAPI 3.1 schemas are JSON
 * Schema 2020-12). The http client believes no answer the contract does not describe;
 * the contract tests check both directions with the same code.
 */
export class OpenApiValidator {
  private readonly ajv = new Ajv2020({ strict: false, allErrors: true });
  private readonly operations: { method: string; pattern: RegExp; operation: Operation }[] = [];
  private readonly compiled = new Map<object, ValidateFunction>();

  constructor(document: { paths: Record<string, Record<string, Operation>> } = parse(readFileSync(OPENAPI_FILE, "utf8"))) {
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
    return validate(data) ? [] : (validate.errors ?? []).map((e) => `${where}: ${printable(e.instancePath) || "(root)"} ${e.message}`);
  }

  /** The response's JSON schema for a status, `null` for a status without a body (204), undefined when not in the contract. */
  responseSchema(operation: Operation, status: number): object | null | undefined {
    const response = operation.responses[String(status)];
    if (!response) return undefined;
    return response.content?.["application/json"]?.schema ?? null;
  }

  requestSchema(operation: Operation): object | undefined {
    return operation.requestBody?.content?.["application/json"]?.schema;
  }
}

let shared: OpenApiValidator | undefined;

/** One validator per process: compiling the document's schemas is the expensive part. */
export function contractValidator(): OpenApiValidator {
  return (shared ??= new OpenApiValidator());
}
