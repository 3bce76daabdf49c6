import { Argument, type Command } from "commander";
import { loadConfig } from "../../config/load";
import { CATALOG } from "../../connectors/catalog";
import type { ConnectorKind } from "../../connectors/kind";
import { jsonDocument, type FormatOf, type Renderers } from "../../values/report-format";
import { addFormatOption, printReport } from "../formats";
import { EXIT, UsageError, type Io } from "../io";
import { checkTenantNames } from "../tenant-filter";
import { didYouMean } from "../../values/did-you-mean";
import { configOption } from "../config-option";

interface ConnectorOptions {
  config: string;
  tenant: string;
  kind: string;
  name: string;
  yes?: boolean;
  emulator?: string;
  format: FormatOf<typeof CONNECTOR_RENDERERS>;
}

/** What `connector` did to one registered connector. */
interface ConnectorChange {
  readonly tenant: string;
  readonly kind: string;
  readonly name: string;
  readonly action: "off" | "on" | "delete";
}

const CONNECTOR_RENDERERS = {
  table: (c) => `${c.kind} connector "${c.name}": ${c.action === "delete" ? "deleted" : `turned ${c.action}`}\n`,
  json: (c) => jsonDocument(c),
} satisfies Renderers<ConnectorChange, "table" | "json">;

const KINDS: readonly Pick<ConnectorKind, "kind" | "title" | "cannotTurnOff">[] = CATALOG;

/** The kinds the console offers no Turn Off for, as help text names them. */
function cannotTurnOffNote(): string {
  const titles = KINDS.filter((k) => k.cannotTurnOff).map((k) => k.title);
  return titles.length ? ` (${titles.join(", ")}: cannot be turned off)` : "";
}

/** `connector off|on|delete`: the Connector Settings page's Turn Off / Turn On / Delete. */
export function registerConnector(program: Command, io: Io, setExit: (code: number) => void): void {
  const command = program
    .command("connector")
    .description(`turn a registered connector off or on, or delete it${cannotTurnOffNote()}`)
    .addArgument(new Argument("<action>", "what to do").choices(["off", "on", "delete"]))
    .addOption(configOption())
    .option(
      "--emulator <url>",
      "talk to a local Insights emulator instead of each tenant's target (e.g. http://127.0.0.1:8080)",
    )
    .requiredOption("-t, --tenant <name>", "tenant")
    .requiredOption("--kind <kind>", "connector kind, e.g. okta")
    .requiredOption("--name <name>", "connector name")
    .option("--yes", "confirm delete");
  addFormatOption(command, CONNECTOR_RENDERERS, io).action(
    async (action: "off" | "on" | "delete", options: ConnectorOptions) => {
      const config = loadConfig(options.config);
      checkTenantNames(config, [options.tenant], options.config);
      // A kind the console offers no Turn Off for: say so before calling anything.
      const rule = KINDS.find((k) => k.kind === options.kind)?.cannotTurnOff;
      if (action === "off" && rule) throw new UsageError(`${rule.reason} (${rule.origin})`);
      if (action === "delete" && !options.yes)
        throw new UsageError(
          "delete removes the connector and its data collection from Insights; add --yes to confirm",
        );
      const tenant = config.tenants.find((t) => t.name === options.tenant)!;
      const { insightsApiFor } = await import("../../register/insights-target");
      const api = insightsApiFor(tenant.insights, config.dir, process.env, {}, options.emulator);
      if (!api)
        throw new UsageError(
          `tenant ${tenant.name} uses the sheet adapter: do this in the console ` +
            `(Menu > Connectors > Configured > ${options.name} > Settings)`,
        );
      const sameKind = (await api.list()).filter((c) => c.kind === options.kind);
      const target = sameKind.find((c) => c.name === options.name);
      if (!target) {
        // What Insights answered, not what the config says: a second delete finds nothing there.
        const listed = sameKind.map((c) => `"${c.name}"`).join(", ") || "none";
        const names = sameKind.map((c) => c.name);
        throw new UsageError(
          `${options.kind} connector "${options.name}" not found in Insights for tenant ${tenant.name}` +
            `${action === "delete" ? " (already deleted?)" : ""}; Insights lists ${options.kind} connectors: ` +
            `${listed}. Nothing was changed${didYouMean(options.name, names) || "."}`,
        );
      }
      if (action === "delete") await api.remove(target.id);
      else if (action === "off") await api.turnOff(target.id);
      else await api.turnOn(target.id);
      const change = { tenant: tenant.name, kind: options.kind, name: options.name, action };
      printReport(io, CONNECTOR_RENDERERS, options.format, change);
      setExit(EXIT.ok);
    },
  );
}
