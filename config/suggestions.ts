import { z } from "zod";
import { didYouMean } from "../values/did-you-mean";

/** The schema a value is checked with, past the wrappers that do not change its shape. */
function unwrap(schema: z.ZodType): z.ZodType {
  for (;;) {
    if (schema instanceof z.ZodOptional || schema instanceof z.ZodNullable || schema instanceof z.ZodDefault) {
      schema = schema.unwrap() as z.ZodType;
    } else if (schema instanceof z.ZodPipe) schema = schema.in as z.ZodType;
    else return schema;
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * The union's object option this value was meant for: the one whose literal fields (`kind: aws`)
 * all match it. Undefined when none does (an unknown kind has its own message).
 */
function optionFor(union: z.ZodUnion, value: unknown): z.ZodType | undefined {
  const objects = union.options.map((o) => unwrap(o as z.ZodType)).filter((o) => o instanceof z.ZodObject);
  return objects.find((option) =>
    Object.entries((option as z.ZodObject).shape).every(([key, field]) => {
      const literal = unwrap(field as z.ZodType);
      return !(literal instanceof z.ZodLiteral) || (isRecord(value) && literal.values.has(value[key] as never));
    }),
  );
}

/** The object schema that checks the value at `path` of `data`, or undefined when there is none. */
function objectAt(schema: z.ZodType, data: unknown, path: readonly PropertyKey[]): z.ZodObject | undefined {
  let node: z.ZodType | undefined = unwrap(schema);
  let value = data;
  for (const key of [...path, undefined]) {
    if (node instanceof z.ZodUnion) node = optionFor(node, value);
    if (key === undefined || node === undefined) break;
    if (node instanceof z.ZodObject && typeof key === "string") node = node.shape[key] as z.ZodType | undefined;
    else if (node instanceof z.ZodArray && typeof key === "number") node = node.element as z.ZodType;
    else return undefined;
    value = (value as Record<PropertyKey, unknown> | undefined)?.[key];
    node = node && unwrap(node);
  }
  return node instanceof z.ZodObject ? node : undefined;
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  return path.reduce<unknown>((value, key) => (value as Record<PropertyKey, unknown> | undefined)?.[key], data);
}

/**
 * An issue's message with the nearest valid word for a misspelt one: an unknown field (`unknown
 * field "permissionBoundary"; did you mean "permissionsBoundary"?`), a kind no connector has, or
 * a value outside a list of choices. Only the schema's own words are suggested, never input.
 */
export function messageWithSuggestion(issue: z.core.$ZodIssue, schema: z.ZodType, data: unknown, key?: string): string {
  if (issue.code === "unrecognized_keys" && key !== undefined) {
    const object = objectAt(schema, data, issue.path);
    const present = Object.keys((valueAt(data, issue.path) as object | undefined) ?? {});
    const unused = Object.keys(object?.shape ?? {}).filter((field) => !present.includes(field));
    return `unknown field "${key}"${didYouMean(key, unused)}`;
  }
  const typed = valueAt(data, issue.path);
  if (typeof typed !== "string") return issue.message;
  if (issue.code === "invalid_value") return issue.message + didYouMean(typed, issue.values.map(String));
  if (issue.code === "invalid_union" && "options" in issue && issue.options) {
    return issue.message + didYouMean(typed, issue.options.map(String));
  }
  return issue.message;
}
