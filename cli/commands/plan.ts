import { Option, type Command } from "commander";
import { loadConfig } from "../../config/load";
import { buildPlan } from "../../plan/build";
import { renderJson } from "../../plan/render-json";
import { renderMarkdown } from "../../plan/render-markdown";
import { renderTable } from "../../plan/render-table";
import { EXIT, UsageError, type Io } from "../io";

export const PLAN_FORMATS = ["table", "markdown", "json"] as const;

interface PlanOptions {
  config: string;
  format: (typeof PLAN_FORMATS)[number];
  tenant?: string[];
}

/** `plan`: what would be provisioned and registered, with every grant and its origin. */
export function registerPlan(program: Command, io: Io, setExit: (code: number) => void): void {
  program
    .command("plan")
    .description("show, per tenant and connector, what will be provisioned and every grant with its origin (reads no secret, contacts nothing)")
    .requiredOption("-c, --config <file>", "tenant config YAML")
    .addOption(new Option("-f, --format <format>", "output format").choices(PLAN_FORMATS).default("table"))
    .option("-t, --tenant <name...>", "only these tenants (default: all)")
    .action((options: PlanOptions) => {
      const config = loadConfig(options.config);
      const known = config.tenants.map((t) => t.name);
      const unknown = (options.tenant ?? []).filter((t) => !known.includes(t));
      if (unknown.length > 0) {
        throw new UsageError(`unknown tenant ${unknown.join(", ")} in ${options.config}; it has: ${known.join(", ")}`);
      }
      const plan = buildPlan(config, options.tenant);
      const text =
        options.format === "json"
          ? renderJson(plan)
          : options.format === "markdown"
            ? renderMarkdown(plan)
            : renderTable(plan, io.stdout.columns ?? 160);
      io.stdout.write(text);
      setExit(EXIT.ok);
    });
}
