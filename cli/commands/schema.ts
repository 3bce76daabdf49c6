import { Option, type Command } from "commander";
import { EXIT, type Io } from "../io";

/** `schema`: the tenant config's JSON Schema (for editors) or its Markdown reference. */
export function registerSchema(program: Command, io: Io, setExit: (code: number) => void): void {
  program
    .command("schema")
    .description("print the JSON Schema of the tenant config (for editors), or its reference as Markdown")
    .addOption(new Option("-f, --format <format>", "output format").choices(["json", "markdown"]).default("json"))
    .action(async (options: { format: "json" | "markdown" }) => {
      const { configReferenceMarkdown, tenantConfigJsonSchema } = await import("../config-reference");
      io.stdout.write(
        options.format === "json"
          ? `${JSON.stringify(tenantConfigJsonSchema(), null, 2)}\n`
          : configReferenceMarkdown(),
      );
      setExit(EXIT.ok);
    });
}
