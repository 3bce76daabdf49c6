import type { z } from "zod";
import type { insightsTargetSchema, tenantConfigSchema, tenantSchema } from "./schema";

/**
 * The types of a validated config, derived from the schemas that check it so the two
 * cannot drift. Secrets are references (values/secret-ref): nothing here is a secret value.
 */
export type InsightsTarget = z.output<typeof insightsTargetSchema>;

export type TenantConfig = z.output<typeof tenantSchema>;

/** A validated config file. */
export type ToolkitConfig = z.output<typeof tenantConfigSchema> & {
  /** The file it was read from, as given. */
  readonly file: string;
  /** Directory `file:` references are relative to. */
  readonly dir: string;
};
