import type { z } from "zod";
import { InvalidConfigError } from "../values/errors";

/** A construct was given props it cannot build from; the message names the construct and each prop. */
export class InvalidConstructPropsError extends InvalidConfigError {
  constructor(
    construct: string,
    readonly problems: readonly string[],
  ) {
    super(`${construct}: invalid props: ${problems.join("; ")}`);
  }
}

/**
 * Runs a construct's props through the catalog's schema for its kind, so a construct takes
 * exactly what a tenant file may say and gets the same defaults; nothing here re-decides a rule.
 * Throws {@link InvalidConstructPropsError} with one problem per prop (`project.id: must be ...`).
 */
export function parseProps<T>(construct: string, schema: z.ZodType<T>, input: Record<string, unknown>): T {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  throw new InvalidConstructPropsError(
    construct,
    parsed.error.issues.map((issue) => `${issue.path.join(".") || "props"}: ${issue.message}`),
  );
}

/** One prop, the catalog schema its value must pass, and the value; `undefined` is not checked. */
export type PropCheck = readonly [prop: string, schema: z.ZodType, value: unknown];

/**
 * Checks props one by one against the catalog's field schemas: for constructs whose props
 * are not one catalog entry, or may be tokens (a token is checked by the engine at deploy).
 */
export function checkProps(
  construct: string,
  checks: readonly PropCheck[],
  isUnresolved: (value: unknown) => boolean,
): void {
  const problems = checks.flatMap(([prop, schema, value]) => {
    if (value === undefined || (typeof value === "string" && isUnresolved(value))) return [];
    const parsed = schema.safeParse(value);
    if (parsed.success) return [];
    return parsed.error.issues.map((issue) => `${[prop, ...issue.path].join(".")}: ${issue.message}`);
  });
  if (problems.length > 0) throw new InvalidConstructPropsError(construct, problems);
}

const LITERAL_ONLY = "must be a literal value, not a token (the stack checks it and names resources after it)";

/**
 * Refuses unresolved tokens (a Terraform variable, another resource's attribute) in props the
 * stack checks and derives names and grants from at synth time; `isUnresolved` is the engine's own test.
 */
export function requireLiterals(construct: string, props: object, isUnresolved: (value: unknown) => boolean): void {
  const tokens = Object.entries(props)
    .filter(([, value]) => containsToken(value, isUnresolved))
    .map(([prop]) => `${prop}: ${LITERAL_ONLY}`);
  if (tokens.length > 0) throw new InvalidConstructPropsError(construct, tokens);
}

function containsToken(value: unknown, isUnresolved: (value: unknown) => boolean): boolean {
  if (typeof value === "string") return isUnresolved(value);
  if (Array.isArray(value)) return value.some((item) => containsToken(item, isUnresolved));
  if (value && typeof value === "object") return Object.values(value).some((v) => containsToken(v, isUnresolved));
  return false;
}

/** `InsightsEntraConnectorStack "app/contoso"`: what an error names. */
export function constructLabel(className: string, path: string): string {
  return `${className} "${path}"`;
}

/** The settings of a tenant file's connector entry: everything but `kind` and `name`. */
export function entrySettings<C extends { readonly kind: string; readonly name: string }>(
  entry: C,
): Omit<C, "kind" | "name"> {
  const { kind: _kind, name: _name, ...settings } = entry;
  return settings;
}

/**
 * A catalog entry built from a construct's props, checked and defaulted by the kind's schema.
 * `name` is the construct's label for the catalog (it names no resource); unknown props are refused.
 */
export function catalogEntry<T>(construct: string, schema: z.ZodType<T>, kind: string, props: object): T {
  return parseProps(construct, schema, { ...props, kind, name: "construct" });
}
