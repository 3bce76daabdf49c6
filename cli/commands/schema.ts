import type { Command } from "commander";
import { jsonDocument, type FormatOf, type Renderers } from "../../values/report-format";
import { configReferenceMarkdown, tenantConfigJsonSchema } from "../config-reference";
import { addFormatOption, printReport } from "../formats";
import { EXIT, type Io } from "../io";

/** `schema`'s formats: the tenant config's JSON Schema (for editors), or its reference. A schema has no table. */
const SCHEMA_RENDERERS = {
  markdown: () => configReferenceMarkdown(),
  json: () => jsonDocument(tenantConfigJsonSchema()),
} satisfies Renderers<void, "markdown" | "json">;

/** `schema`: the tenant config's JSON Schema (for editors), or its Markdown reference. */
export function registerSchema(program: Command, io: Io, setExit: (code: number) => void): void {
  const command = program
    .command("schema")
    .description("print the JSON Schema of the tenant config (for editors), or its reference as Markdown");
  addFormatOption(command, SCHEMA_RENDERERS, io, "json").action(
    (options: { format: FormatOf<typeof SCHEMA_RENDERERS> }) => {
      printReport(io, SCHEMA_RENDERERS, options.format, undefined);
      setExit(EXIT.ok);
    },
  );
}
