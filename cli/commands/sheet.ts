import type { Command } from "commander";
import { loadConfig } from "../../config/load";
import { buildPlan } from "../../plan/build";
import { tenantSheets, writeSheets } from "../../register/sheet";
import { EXIT, type Io } from "../io";
import { checkTenantNames } from "../tenant-filter";

/** `sheet`: what to click and type, per connector and integration of a tenant, secrets as references. */
export function registerSheet(program: Command, io: Io, setExit: (code: number) => void): void {
  program
    .command("sheet")
    .description("write a step-by-step sheet per connector and integration of a tenant (secrets only as references)")
    .requiredOption("-c, --config <file>", "tenant config YAML")
    .requiredOption("-t, --tenant <name>", "tenant")
    .option("--dir <dir>", "where to write", "registration-sheets")
    .action((options: { config: string; tenant: string; dir: string }) => {
      const config = loadConfig(options.config);
      checkTenantNames(config, [options.tenant], options.config);
      const [tenant] = buildPlan(config, [options.tenant]).tenants;
      for (const path of writeSheets(options.dir, tenant.name, tenantSheets(tenant.connectors)))
        io.stdout.write(`sheet: ${path}\n`);
      setExit(EXIT.ok);
    });
}
