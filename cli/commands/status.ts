import type { Command } from "commander";
import { loadConfig } from "../../config/load";
import { buildPlan } from "../../plan/build";
import { readCredentialRecords } from "../../lifecycle/rotation/credential-record";
import {
  credentialStatusRows,
  credentialStatusTable,
  type CredentialStatusRow,
} from "../../lifecycle/rotation/credential-status";
import { Deadline } from "../../providers/insights/deadline";
import { lookOf, type Look } from "../../providers/text/look";
import { printable } from "../../providers/text/printable";
import { statusRow, statusTable, type StatusRow } from "../../register/report";
import { jsonDocument, type FormatOf, type Renderers } from "../../values/report-format";
import { addFormatOption, printReport } from "../formats";
import { insightsProgress } from "../progress";
import { EXIT, type Io } from "../io";
import { checkTenantNames, positiveNumber } from "../tenant-filter";
import { configOption } from "../config-option";

interface StatusOptions {
  config: string;
  tenant?: string[];
  format: FormatOf<typeof STATUS_RENDERERS>;
  emulator?: string;
  requestTimeout: string;
  timeout: string;
}

/** What `status` prints: each tenant's dashboard rows and each rotating credential's age. */
interface StatusReport {
  readonly connectors: readonly StatusRow[];
  readonly credentials: readonly CredentialStatusRow[];
  /** Tenants registered through sheets: no API to ask. */
  readonly sheetTenants: readonly string[];
  /** Tenants whose API could not be read; also told on stderr, whatever the format. */
  readonly failed: readonly { readonly tenant: string; readonly error: string }[];
}

/** The dashboard, a line per sheet tenant, then the credentials' table. */
function statusText(report: StatusReport, width: number, look: Look): string {
  const sheets = report.sheetTenants.map(
    (name) => `${name}: sheet adapter, no API to ask; check Menu > Connectors > Configured in the console\n`,
  );
  const credentials = report.credentials.length ? credentialStatusTable(report.credentials, width, look) : "";
  return `${statusTable(report.connectors, width, look)}${sheets.join("")}${credentials}`;
}

const STATUS_RENDERERS = {
  table: (report, target) => statusText(report, target.width, lookOf(target)),
  json: (report) => jsonDocument(report),
} satisfies Renderers<StatusReport, "table" | "json">;

/** `status`: the Configured Connectors dashboard of each tenant, as a table or JSON. */
export function registerStatus(program: Command, io: Io, setExit: (code: number) => void): void {
  const command = program
    .command("status")
    .description(
      "show each tenant's configured connectors (name, connection point, connectivity, status, last activity and " +
        "update) and each rotating credential's age and next rotation",
    )
    .addOption(configOption())
    .option(
      "--emulator <url>",
      "talk to a local Insights emulator instead of each tenant's target (e.g. http://127.0.0.1:8080)",
    )
    .option("-t, --tenant <name...>", "only these tenants (default: all)");
  addFormatOption(command, STATUS_RENDERERS, io)
    .option("--request-timeout <seconds>", "deadline of one API call, its retries and waits included", "60")
    .option("--timeout <seconds>", "deadline of the whole command", "300")
    .action(async (options: StatusOptions) => {
      const config = loadConfig(options.config);
      checkTenantNames(config, options.tenant, options.config);
      const timeoutMs = positiveNumber(options.requestTimeout, "--request-timeout") * 1000;
      const runDeadline = new Deadline(positiveNumber(options.timeout, "--timeout") * 1000);
      const { insightsApiFor } = await import("../../register/insights-target");
      const { rotationOutputsOf } = await import("../../kinds/rotation");
      const { progress, onRetry } = insightsProgress(io);
      const rows: StatusRow[] = [];
      const tenants = config.tenants.filter((t) => !options.tenant || options.tenant.includes(t.name));
      // Read before any call, so a damaged record file stops the command with nothing contacted.
      const now = new Date();
      const planned = new Map(buildPlan(config, options.tenant).tenants.map((t) => [t.name, t]));
      const credentials = tenants.flatMap((t) =>
        credentialStatusRows(planned.get(t.name)!, readCredentialRecords(t.name), now, rotationOutputsOf),
      );
      const skipped: string[] = [];
      const failed: { tenant: string; error: string }[] = [];
      for (const tenant of tenants) {
        try {
          const limits = { timeoutMs, runDeadline, onRetry };
          const api = insightsApiFor(tenant.insights, config.dir, process.env, limits, options.emulator);
          if (!api) skipped.push(tenant.name);
          else rows.push(...(await api.list()).map((c) => statusRow(tenant.name, c)));
        } catch (error) {
          // One unreachable tenant does not hide the others' dashboards.
          failed.push({ tenant: tenant.name, error: printable((error as Error).message) });
        }
      }
      progress.close();
      printReport(io, STATUS_RENDERERS, options.format, {
        connectors: rows,
        credentials,
        sheetTenants: skipped,
        failed,
      });
      for (const { tenant, error } of failed) io.stderr.write(`error: ${tenant}: ${error}\n`);
      setExit(failed.length ? EXIT.failed : EXIT.ok);
    });
}
