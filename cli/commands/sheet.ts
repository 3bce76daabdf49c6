import type { Command } from "commander";
import { loadConfig } from "../../config/load";
import { buildPlan } from "../../plan/build";
import { tenantSheets, writeSheets } from "../../register/sheet";
import { jsonDocument, type FormatOf, type Renderers } from "../../values/report-format";
import { addFormatOption, printReport } from "../formats";
import { EXIT, type Io } from "../io";
import { checkTenantNames } from "../tenant-filter";
import { configOption } from "../config-option";

/** `sheet`'s formats: the paths of the sheets written, a line each or as JSON. */
const SHEET_RENDERERS = {
  table: (paths) => paths.map((path) => `sheet: ${path}\n`).join(""),
  json: (paths) => jsonDocument({ sheets: paths }),
} satisfies Renderers<readonly string[], "table" | "json">;

/** `sheet`: what to click and type, per connector and integration of a tenant, secrets as references. */
export function registerSheet(program: Command, io: Io, setExit: (code: number) => void): void {
  const command = program
    .command("sheet")
    .description("write a step-by-step sheet per connector and integration of a tenant (secrets only as references)")
    .addOption(configOption())
    .requiredOption("-t, --tenant <name>", "tenant")
    .option("--dir <dir>", "where to write", "registration-sheets");
  addFormatOption(command, SHEET_RENDERERS, io).action(
    (options: { config: string; tenant: string; dir: string; format: FormatOf<typeof SHEET_RENDERERS> }) => {
      const config = loadConfig(options.config);
      checkTenantNames(config, [options.tenant], options.config);
      const [tenant] = buildPlan(config, [options.tenant]).tenants;
      printReport(
        io,
        SHEET_RENDERERS,
        options.format,
        writeSheets(options.dir, tenant.name, tenantSheets(tenant.connectors)),
      );
      setExit(EXIT.ok);
    },
  );
}
