import { Option, type Command } from "commander";
import { loadConfig } from "../../config/load";
import { EXIT, type Io } from "../io";

/**
 * `tenants`: the config's tenant names, for a CI matrix. JSON is one line, so a step can write it
 * to `$GITHUB_OUTPUT` and a job can read it with `fromJSON(...)`; text is one name a line, for
 * shell loops. Names are `[a-z0-9-]` (the config checks them), so neither form needs quoting.
 */
export function registerTenants(program: Command, io: Io, setExit: (code: number) => void): void {
  program
    .command("tenants")
    .description("list the config's tenant names (json: one-line array for a CI matrix; text: one a line)")
    .requiredOption("-c, --config <file>", "tenant config YAML")
    .addOption(new Option("-f, --format <format>", "output format").choices(["json", "text"]).default("text"))
    .action((options: { config: string; format: "json" | "text" }) => {
      const names = loadConfig(options.config).tenants.map((tenant) => tenant.name);
      io.stdout.write(options.format === "json" ? `${JSON.stringify(names)}\n` : names.map((n) => `${n}\n`).join(""));
      setExit(EXIT.ok);
    });
}
