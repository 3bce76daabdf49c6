/**
 * Writes a provider's schema excerpt from a local checkout of its repository:
 *   ts-node --transpile-only providers/terraform/write-schema-excerpt.ts <checkout> <pingone|azurerm>
 * The excerpt names the repository, commit and page of every type it holds.
 */
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseAzurermDocs, parseTfplugindocs, type ObjectSchema } from "./docs-schema";

interface Source {
  readonly repository: string;
  readonly parse: (markdown: string) => ObjectSchema;
  readonly provider: string;
  readonly resources: Record<string, string>;
  readonly dataSources: Record<string, string>;
}

const SOURCES: Record<string, Source> = {
  pingone: {
    repository: "pingidentity/terraform-provider-pingone",
    parse: parseTfplugindocs,
    provider: "docs/index.md",
    resources: {
      pingone_application: "docs/resources/application.md",
      pingone_application_secret: "docs/resources/application_secret.md",
      pingone_application_role_assignment: "docs/resources/application_role_assignment.md",
    },
    dataSources: { pingone_role: "docs/data-sources/role.md" },
  },
  azurerm: {
    repository: "hashicorp/terraform-provider-azurerm",
    parse: parseAzurermDocs,
    provider: "website/docs/index.html.markdown",
    resources: { azurerm_role_assignment: "website/docs/r/role_assignment.html.markdown" },
    dataSources: {},
  },
};

function main(checkout: string, name: string): void {
  const source = SOURCES[name];
  if (!source) throw new Error(`unknown provider ${name}: one of ${Object.keys(SOURCES).join(", ")}`);
  const git = (...args: string[]) => execFileSync("git", ["-C", checkout, ...args], { encoding: "utf8" });
  const commit = git("rev-parse", "HEAD").trim();
  const page = (path: string) => ({ path, attributes: source.parse(git("show", `${commit}:${path}`)) });
  const mapPages = (pages: Record<string, string>) =>
    Object.fromEntries(Object.entries(pages).map(([type, path]) => [type, page(path)]));
  const excerpt = {
    source: { repository: source.repository, commit },
    provider: page(source.provider),
    resources: mapPages(source.resources),
    dataSources: mapPages(source.dataSources),
  };
  writeFileSync(join(__dirname, "..", name, "schema-excerpt.json"), `${JSON.stringify(excerpt, null, 2)}\n`);
}

main(process.argv[2], process.argv[3]);
