import { Option, type Command } from "commander";
import { z } from "zod";
import type { PraPrivilegedIdentityConfig } from "../../connectors/pra-privileged-identity/config";
import type { JumpItemType } from "../../connectors/pra-privileged-identity/explain";
import type { FormatOf } from "../../values/report-format";
import { addFormatOption, printReport } from "../formats";
import { EXIT, UsageError, type Io } from "../io";
import { EXPLANATION_RENDERERS, NETWORK_CHECK_RENDERERS } from "./ecm-reports";
import { chooseOneConnector, positiveNumber } from "../tenant-filter";
import { readFlagFile } from "../user-file";
import { configOption } from "../config-option";

interface Target {
  config: string;
  tenant: string;
  integration?: string;
}

function chooseIntegration(options: Target): PraPrivilegedIdentityConfig {
  const choice = {
    ...options,
    name: options.integration,
    noun: "pra-privileged-identity entry",
    flag: "--integration",
  };
  return chooseOneConnector("pra-privileged-identity", choice).config;
}

const piAccounts = z.array(
  z.strictObject({
    accountName: z.string().min(1),
    type: z.enum(["local", "domain"]),
    system: z.string().optional(),
    domain: z.string().optional(),
    sharedList: z.boolean().optional(),
    application: z.string().optional(),
    access: z.record(z.string(), z.enum(["recover", "remote-session-only"])),
  }),
);

function hostPort(text: string, fallbackPort: number): { host: string; port: number } {
  const [host, port] = text.split(":");
  return { host, port: port ? Number(port) : fallbackPort };
}

/** `ecm check-network` and `ecm explain`: the Endpoint Credential Manager side of the PRA ↔ PI integration. */
export function registerEcm(program: Command, io: Io, setExit: (code: number) => void): void {
  const ecm = program
    .command("ecm")
    .description("PRA ↔ Privileged Identity: check the ECM server's network, explain a credential lookup");

  const checkNetwork = ecm
    .command("check-network")
    .description(
      "from this host (run it on the ECM server), check TCP + TLS to the B Series appliance and the PI web service",
    )
    .addOption(configOption())
    .requiredOption("-t, --tenant <name>", "tenant")
    .option("--integration <name>", "which pra-privileged-identity entry, when there are several")
    .option("--timeout <seconds>", "per target", "5")
    .option("--ca <file>", "PEM file of extra trusted CAs (an internal CA)");
  addFormatOption(checkNetwork, NETWORK_CHECK_RENDERERS, io).action(
    async (options: Target & { timeout: string; ca?: string; format: FormatOf<typeof NETWORK_CHECK_RENDERERS> }) => {
      const integration = chooseIntegration(options);
      const pi = new URL(integration.plugin.endpointUrl);
      const targets = [
        { ...hostPort(integration.praHost, 443), purpose: "ECM calls to the BeyondTrust API (B Series appliance)" },
        {
          host: pi.hostname,
          port: pi.port ? Number(pi.port) : 443,
          purpose: "ECM calls to Privileged Identity SDK Web Services",
        },
      ];
      const ca = options.ca ? readFlagFile(options.ca, "--ca") : undefined;
      const { checkTls } = await import("../../providers/network/tls-reachability");
      const results = await Promise.all(
        targets.map((t) => checkTls(t, { timeoutMs: positiveNumber(options.timeout, "--timeout") * 1000, ca })),
      );
      printReport(io, NETWORK_CHECK_RENDERERS, options.format, results);
      setExit(results.every((r) => r.ok) ? EXIT.ok : EXIT.failed);
    },
  );

  const explain = ecm
    .command("explain")
    .description(
      "what the plugin's Test Settings would look up for a console user and Jump Item, and why each PI credential is kept or filtered",
    )
    .addOption(configOption())
    .requiredOption("-t, --tenant <name>", "tenant")
    .option("--integration <name>", "which pra-privileged-identity entry, when there are several")
    .requiredOption("--user <name>", "console username: joe.user, ACME\\joe.user or joe.user@acme.com")
    .option("--dn <distinguishedName>", "LDAP distinguished name of the user")
    .addOption(
      new Option("--item-type <type>", "Jump Item type")
        .choices(["jump-client", "rdp", "shell", "web", "rdp-secureapp"])
        .makeOptionMandatory(),
    )
    .option("--host <hostname>", "hostname, FQDN or IP of the endpoint")
    .option("--url <url>", "Web Jump Items: the URL")
    .option("--additional-ip <ip>", "Jump Clients: the additional IP address")
    .option("--app <name>", "RDP + SecureApp: the application name")
    .option("--host-domain <domain>", "the endpoint's domain, when the Jump Item reports it")
    .requiredOption(
      "--accounts <file>",
      "PI accounts as JSON: [{accountName, type, system|domain, access: {identity: recover|remote-session-only}}]",
    );
  addFormatOption(explain, EXPLANATION_RENDERERS, io).action(
    async (
      options: Target & {
        user: string;
        dn?: string;
        itemType: JumpItemType;
        host?: string;
        url?: string;
        additionalIp?: string;
        app?: string;
        hostDomain?: string;
        accounts: string;
        format: FormatOf<typeof EXPLANATION_RENDERERS>;
      },
    ) => {
      const integration = chooseIntegration(options);
      if (options.itemType === "web" ? !options.url || !URL.canParse(options.url) : !options.host) {
        throw new UsageError(
          options.itemType === "web"
            ? "--url must be a URL for a Web Jump Item"
            : "--host is required for this Jump Item type",
        );
      }
      const accountsText = readFlagFile(options.accounts, "--accounts").toString("utf8");
      let accounts;
      try {
        accounts = piAccounts.parse(JSON.parse(accountsText));
      } catch (error) {
        throw new UsageError(
          `${options.accounts}: ${error instanceof z.ZodError ? error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ") : (error as Error).message}`,
        );
      }
      const { explainLookup } = await import("../../connectors/pra-privileged-identity/explain");
      const explanation = explainLookup(
        { username: options.user, distinguishedName: options.dn },
        {
          type: options.itemType,
          hostname: options.host,
          url: options.url,
          additionalIp: options.additionalIp,
          applicationName: options.app,
          domain: options.hostDomain,
        },
        integration.plugin,
        accounts,
      );
      printReport(io, EXPLANATION_RENDERERS, options.format, explanation);
      setExit(EXIT.ok);
    },
  );
}
