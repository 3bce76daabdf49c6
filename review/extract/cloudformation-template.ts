/** The parts of a synthesized CloudFormation template the extractors read. */
export type Template = {
  Parameters?: Record<string, { Default?: unknown }>;
  Resources: Record<string, { Type: string; Properties: any }>;
};

/** A template value that may be `{ Ref: Param }`: the parameter's default, or the reference itself. */
export function literal(template: Template, value: unknown): string {
  if (typeof value === "string") return value;
  if (value && typeof value === "object" && "Ref" in value) {
    const name = (value as { Ref: string }).Ref;
    const fallback = template.Parameters?.[name]?.Default;
    return typeof fallback === "string" ? fallback : `{Ref ${name}}`;
  }
  return JSON.stringify(value);
}

/** A property CloudFormation accepts as one value or a list, as a list. */
export function asList<T>(value: T | T[] | undefined): T[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}
