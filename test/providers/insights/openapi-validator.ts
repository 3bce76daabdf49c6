import { readFileSync } from "node:fs";
import { join } from "node:path";
import Ajv2020 from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { parse } from "yaml";
import { API_BASE_PATH } from "../../../providers/insights/contract";
import type { Exchange } from "../../../providers/insights/http-client";

const DOC = parse(readFileSync(join(__dirname, "../../../providers/insights/openapi.yaml"), "utf8"));

/** Validates requests and responses against openapi.yaml's operations (OpenAPI 3.1 = JSON Schema 2020-12). */
export class OpenApiValidator {
  private readonly ajv = new Ajv2020({ strict: false, allErrors: true });
  private readonly operations: { method: string; pattern: RegExp; operation: any }[] = [];
  readonly checked: string[] = [];

  constructor() {
    addFormats(this.ajv);
    this.ajv.addSchema({ ...DOC, $id: "openapi.json" });
    for (const [template, item] of Object.entries<any>(DOC.paths)) {
      const pattern = new RegExp(`^${template.replace(/\{[^}]+\}/g, "[^/]+")}$`);
      for (const method of ["get", "post", "patch", "delete"]) if (item[method]) this.operations.push({ method: method.toUpperCase(), pattern, operation: item[method] });
    }
    // Literal paths (kinds/<kind>) before templated ones.
    this.operations.sort((a, b) => a.pattern.source.split("[^/]+").length - b.pattern.source.split("[^/]+").length);
  }

  private validate(schema: any, data: unknown, where: string): string[] {
    const validate = this.ajv.compile({ $ref: `openapi.json${schema.$ref ?? ""}`, ...(schema.$ref ? {} : schema) });
    return validate(data) ? [] : (validate.errors ?? []).map((e) => `${where}: ${e.instancePath || "(root)"} ${e.message}`);
  }

  /** Every problem with one exchange; empty when both sides follow the contract. */
  check(exchange: Exchange): string[] {
    const path = exchange.path;
    const found = this.operations.find((o) => o.method === exchange.method && o.pattern.test(path));
    if (!found) return [`${exchange.method} ${API_BASE_PATH}${path}: no such operation in openapi.yaml`];
    const { operation } = found;
    this.checked.push(operation.operationId);
    const problems: string[] = [];
    const requestSchema = operation.requestBody?.content?.["application/json"]?.schema;
    if (requestSchema) problems.push(...this.validate(requestSchema, exchange.requestBody, `${operation.operationId} request`));
    else if (exchange.requestBody !== undefined) problems.push(`${operation.operationId}: takes no body`);
    const response = operation.responses[String(exchange.status)];
    if (!response) return [...problems, `${operation.operationId}: status ${exchange.status} is not in the contract`];
    const responseSchema = response.content?.["application/json"]?.schema;
    if (responseSchema) problems.push(...this.validate(responseSchema, exchange.responseBody, `${operation.operationId} ${exchange.status} response`));
    return problems;
  }
}
