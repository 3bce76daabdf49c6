import type { Command } from "commander";
import { loadConfig } from "../../config/load";
import type { FormatOf, Renderers } from "../../values/report-format";
import { addFormatOption, printReport } from "../formats";
import { EXIT, type Io } from "../io";
import { configOption } from "../config-option";

/**
 * `tenants`' formats. JSON is one line, so a step can write it to `$GITHUB_OUTPUT` and a job can
 * read it with `fromJSON(...)`; the table is one name a line, for shell loops. Names are
 * `[a-z0-9-]` (the config checks them), so neither form needs quoting.
 */
const TENANTS_RENDERERS = {
  table: (names) => names.map((name) => `${name}\n`).join(""),
  json: (names) => `${JSON.stringify(names)}\n`,
} satisfies Renderers<readonly string[], "table" | "json">;

/** `tenants`: the config's tenant names, for a CI matrix. */
export function registerTenants(program: Command, io: Io, setExit: (code: number) => void): void {
  const command = program
    .command("tenants")
    .description("list the config's tenant names (json: one-line array for a CI matrix; table: one a line)")
    .addOption(configOption());
  addFormatOption(command, TENANTS_RENDERERS, io).action(
    (options: { config: string; format: FormatOf<typeof TENANTS_RENDERERS> }) => {
      const names = loadConfig(options.config).tenants.map((tenant) => tenant.name);
      printReport(io, TENANTS_RENDERERS, options.format, names);
      setExit(EXIT.ok);
    },
  );
}
