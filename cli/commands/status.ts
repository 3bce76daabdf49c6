import { Option, type Command } from "commander";
import { loadConfig } from "../../config/load";
import type { StatusRow } from "../../register/report";
import { EXIT, type Io } from "../io";
import { checkTenantNames } from "../tenant-filter";

/** `status`: the Configured Connectors dashboard of each tenant, as a table or JSON. */
export function registerStatus(program: Command, io: Io, setExit: (code: number) => void): void {
  program
    .command("status")
    .description("show each tenant's configured connectors: name, connection point, connectivity, status, last activity and update")
    .requiredOption("-c, --config <file>", "tenant config YAML")
    .option("--emulator <url>", "talk to a local Insights emulator instead of each tenant's target (e.g. http://127.0.0.1:8080)")
    .option("-t, --tenant <name...>", "only these tenants (default: all)")
    .addOption(new Option("-f, --format <format>", "output format").choices(["table", "json"]).default("table"))
    .action(async (options: { config: string; tenant?: string[]; format: "table" | "json"; emulator?: string }) => {
      const config = loadConfig(options.config);
      checkTenantNames(config, options.tenant, options.config);
      const [{ insightsApiFor }, { statusRow, statusTable }] = await Promise.all([import("../../register/insights-target"), import("../../register/report")]);
      const rows: StatusRow[] = [];
      const skipped: string[] = [];
      for (const tenant of config.tenants.filter((t) => !options.tenant || options.tenant.includes(t.name))) {
        const api = insightsApiFor(tenant.insights, config.dir, process.env, {}, options.emulator);
        if (!api) {
          skipped.push(tenant.name);
          continue;
        }
        rows.push(...(await api.list()).map((c) => statusRow(tenant.name, c)));
      }
      if (options.format === "json") io.stdout.write(`${JSON.stringify({ connectors: rows, sheetTenants: skipped }, null, 2)}\n`);
      else {
        io.stdout.write(statusTable(rows));
        for (const name of skipped) io.stdout.write(`${name}: sheet adapter, no API to ask; check Menu > Connectors > Configured in the console\n`);
      }
      setExit(EXIT.ok);
    });
}
