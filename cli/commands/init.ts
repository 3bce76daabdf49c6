import { mkdirSync, statSync, writeFileSync } from "node:fs";
import { dirname, relative, resolve } from "node:path";
import type { Command } from "commander";
import { KIND_NAMES } from "../../connectors/catalog";
import { parseConfig } from "../../config/load";
import { EXIT, UsageError, type Io } from "../io";
import { suggestions } from "../tenant-filter";

interface InitOptions {
  kinds: string;
  out: string;
  tenant: string;
}

function chosenKinds(list: string): string[] {
  const kinds = [
    ...new Set(
      list
        .split(",")
        .map((k) => k.trim())
        .filter(Boolean),
    ),
  ];
  const unknown = kinds.filter((k) => !(KIND_NAMES as string[]).includes(k));
  if (kinds.length === 0 || unknown.length) {
    throw new UsageError(
      `--kinds ${unknown.length ? `has unknown ${unknown.join(", ")}` : "is empty"}; choose from: ${KIND_NAMES.join(
        ", ",
      )}${suggestions(unknown, KIND_NAMES)}`,
    );
  }
  return kinds;
}

/** A starter config: the schema line for editors, what to do next, and one example entry per kind. */
export function starterConfig(
  kinds: readonly string[],
  tenant: string,
  schemaPath: string,
  exampleOf: (kind: string) => string,
): string {
  const entries = kinds.map((kind) =>
    exampleOf(kind)
      .trimEnd()
      .split("\n")
      .map((line, i) => `${i === 0 ? "      - " : "        "}${line}`.trimEnd())
      .join("\n"),
  );
  return [
    `# yaml-language-server: $schema=${schemaPath}`,
    `# Starter written by \`insights-connectors init --kinds ${kinds.join(",")}\`. Replace the example values`,
    "# (account IDs, domains, names) with yours; every field is in docs/tenant-config.md. Secrets stay",
    "# references (env:NAME or file:PATH): `plan` never reads them, `register` does. Then run:",
    "#   npx insights-connectors plan --config <this file>",
    "version: 1",
    "tenants:",
    `  - name: ${tenant}`,
    "    insights:",
    "      # sheet: step-by-step sheets to fill in the console. For the API: adapter: http,",
    "      # url: https://app.beyondtrust.io, siteId: <your site GUID>, token: env:INSIGHTS_TOKEN",
    "      adapter: sheet",
    "    connectors:",
    ...entries,
    "",
  ].join("\n");
}

/** Why a file system call failed, in words; the code itself when it is not one a user can act on. */
function inWords(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code ?? "";
  const words: Record<string, string> = {
    ENOTDIR: "part of the path is a file, not a folder",
    EEXIST: "part of the path is a file, not a folder",
    EISDIR: "it is a folder; name a file",
    EACCES: "permission denied",
    EPERM: "permission denied",
    EROFS: "the file system is read-only",
    ENOSPC: "the disk is full",
  };
  return words[code] ?? (code || (error as Error).message);
}

/**
 * Writes the starter at `out`, creating its folder when missing (`init --out tenants/acme.yaml`);
 * never overwrites. Every failure says what is in the way, and nothing is left half-written.
 */
function writeStarter(out: string, text: string): void {
  const folder = dirname(out);
  try {
    mkdirSync(folder, { recursive: true });
  } catch (error) {
    throw new UsageError(`cannot create the folder ${folder} for ${out}: ${inWords(error)}; nothing was written`);
  }
  try {
    writeFileSync(out, text, { flag: "wx", mode: 0o644 }); // not writable by others, whatever the umask
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // "wx" on a folder fails as EEXIST too: say which it is.
    if (code === "EEXIST" && !statSync(out).isDirectory())
      throw new UsageError(`${out} already exists; nothing was written (name a new file with --out)`);
    throw new UsageError(
      `cannot write ${out}: ${inWords(code === "EEXIST" ? { code: "EISDIR" } : error)}; nothing was written`,
    );
  }
}

/** `init`: writes a commented starter config for the kinds asked for; never overwrites. */
export function registerInit(program: Command, io: Io, setExit: (code: number) => void): void {
  program
    .command("init")
    .description("write a commented starter tenant config for the connector kinds you name (never overwrites a file)")
    .requiredOption("--kinds <list>", `comma-separated connector kinds: ${KIND_NAMES.join(", ")}`)
    .option("-o, --out <file>", "the file to create", "tenants.yaml")
    .option("-t, --tenant <name>", "the tenant's name (lowercase, digits, dashes)", "my-tenant")
    .action(async (options: InitOptions) => {
      const kinds = chosenKinds(options.kinds);
      const { exampleConnector, SCHEMA_FILE } = await import("../config-reference");
      const text = starterConfig(
        kinds,
        options.tenant,
        relative(dirname(resolve(options.out)), SCHEMA_FILE),
        exampleConnector,
      );
      parseConfig(text, options.out, dirname(options.out)); // a bad --tenant is reported like any config problem
      writeStarter(options.out, text);
      io.stdout.write(
        `wrote ${options.out} (${kinds.join(", ")}); next: npx insights-connectors plan --config ${options.out}\n`,
      );
      setExit(EXIT.ok);
    });
}
