import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { API_BASE_PATH } from "../../../providers/insights/contract";
import type { Exchange } from "../../../providers/insights/http-client";
import { OpenApiValidator as ContractValidator } from "../../../providers/insights/openapi-validator";
import { OPENAPI_FILE } from "../../../providers/insights/write-openapi";

/** Both sides of recorded exchanges checked with the client's own validator, against the committed openapi.yaml. */
export class OpenApiValidator {
  private readonly contract = new ContractValidator(parse(readFileSync(OPENAPI_FILE, "utf8")), { checkSchemas: true });
  readonly checked: string[] = [];

  /** Every problem with one exchange; empty when both sides follow the contract. */
  check(exchange: Exchange): string[] {
    const operation = this.contract.operation(exchange.method, exchange.path);
    if (!operation) return [`${exchange.method} ${API_BASE_PATH}${exchange.path}: no such operation in openapi.yaml`];
    this.checked.push(operation.operationId);
    const problems: string[] = [];
    const requestSchema = this.contract.requestSchema(operation);
    if (requestSchema)
      problems.push(...this.contract.validate(requestSchema, exchange.requestBody, `${operation.operationId} request`));
    else if (exchange.requestBody !== undefined) problems.push(`${operation.operationId}: takes no body`);
    const responseSchema = this.contract.responseSchema(operation, exchange.status);
    if (responseSchema === undefined)
      return [...problems, `${operation.operationId}: status ${exchange.status} is not in the contract`];
    if (responseSchema)
      problems.push(
        ...this.contract.validate(
          responseSchema,
          exchange.responseBody,
          `${operation.operationId} ${exchange.status} response`,
        ),
      );
    return problems;
  }
}
