import { Option } from "commander";

/** The environment variable that names the tenant config when `--config` is left out. */
export const CONFIG_ENV = "INSIGHTS_CONFIG";

/**
 * `-c, --config <file>`, the same on every command that reads a tenant config: required, unless
 * INSIGHTS_CONFIG names the file, as it does for the engine apps (bin/config-path.ts). The flag
 * wins over the variable (commander applies an option's env only when the flag is absent).
 */
export function configOption(description = "tenant config YAML"): Option {
  return new Option("-c, --config <file>", description).env(CONFIG_ENV).makeOptionMandatory();
}
