import { Argument, type Command } from "commander";
import { loadConfig } from "../../config/load";
import { buildPlan } from "../../plan/build";
import { hasStack, plannedOfKind } from "../../plan/select";
import type { OktaAction } from "../../stacks/okta/automation";
import { EXIT, UsageError, type Io } from "../io";
import { checkTenantNames } from "../tenant-filter";
import { statePath } from "../../config/local-state";
import { configOption } from "../config-option";

interface OktaOptions {
  config: string;
  tenant?: string[];
  stateDir: string;
}

/** `okta preview|up|destroy`: the Okta stacks through the Pulumi Automation API. */
export function registerOkta(program: Command, io: Io, setExit: (code: number) => void): void {
  program
    .command("okta")
    .description(
      "provision the Okta API-services app of every okta connector with Pulumi (needs the pulumi CLI and OKTA_API_TOKEN)",
    )
    .addArgument(new Argument("<action>", "what to do").choices(["preview", "up", "destroy"]))
    .addOption(configOption())
    .option("-t, --tenant <name...>", "only these tenants (default: all)")
    .option("--state-dir <dir>", "local Pulumi state backend", statePath("pulumi"))
    .action(async (action: OktaAction, options: OktaOptions) => {
      const config = loadConfig(options.config);
      checkTenantNames(config, options.tenant, options.config);
      const runs = plannedOfKind(buildPlan(config, options.tenant), "okta")
        .filter(hasStack)
        .map((planned) => ({ stackName: planned.provisioning.stackName, connector: planned.config }));
      if (runs.length === 0) throw new UsageError(`no okta connector in ${options.config} for the chosen tenants`);
      // Loaded here: the Okta and Pulumi packages take seconds to load, and only this command needs them.
      // A missing pulumi CLI is an EngineMissingError: exit 1 with its install hint (cli/program.ts).
      const { runOktaStacks } = await import("../../stacks/okta/automation");
      await runOktaStacks(runs, action, { stateDir: options.stateDir, onOutput: (text) => io.stdout.write(text) });
      setExit(EXIT.ok);
    });
}
