import { z } from "zod";

/** One field of an Insights "Create Connector" form, in the order the console shows it. */
export interface FormField {
  /** Key in the registration request body. */
  readonly key: string;
  /** The field's label in the console. */
  readonly label: string;
  /** Masked in sheets and output; sent only in memory. */
  readonly secret: boolean;
  readonly optional?: boolean;
  /** Collector kinds: typed into the Insights Collector installer, not the console. */
  readonly enteredIn?: "installer";
  readonly schema: z.ZodType<string>;
  /**
   * A check beyond the schema that the console applies (a PEM key parses, a JSON key is a
   * service account key): what is wrong, or undefined. The message never quotes the value.
   */
  readonly check?: (value: string) => string | undefined;
  /** The field the Insights dashboard shows as the connector's "Connection Point". */
  readonly connectionPoint?: boolean;
}

export interface RegistrationForm {
  readonly fields: readonly FormField[];
  /** Every field of the form, installer ones included. */
  readonly schema: z.ZodObject;
  /** What the console (and the API) takes: the fields not typed into the Insights Collector installer. */
  readonly apiSchema: z.ZodObject;
}

function objectOf(fields: readonly FormField[]): z.ZodObject {
  const shape: Record<string, z.ZodType> = {};
  for (const field of fields) shape[field.key] = field.optional ? field.schema.optional() : field.schema;
  return z.strictObject(shape);
}

/** Builds a form from its fields; the zod schemas are derived so they never disagree with it. */
export function defineForm(fields: readonly FormField[]): RegistrationForm {
  return { fields, schema: objectOf(fields), apiSchema: objectOf(fields.filter((f) => f.enteredIn !== "installer")) };
}

/** Common field shapes. */
export const text = z.string().min(1);
export const nameField: FormField = { key: "name", label: "Name", secret: false, schema: text };
export const secretText = (key: string, label: string, optional = false): FormField => ({
  key,
  label,
  secret: true,
  optional,
  schema: text,
});
export const plainText = (key: string, label: string, schema: z.ZodType<string> = text): FormField => ({
  key,
  label,
  secret: false,
  schema,
});
