// `npm run openapi`: regenerates providers/insights/openapi.yaml from the catalog's kinds.
import { writeFileSync } from "node:fs";
import { INSIGHTS_CONNECTOR_KINDS } from "../connectors/catalog";
import { OPENAPI_FILE, openApiYaml } from "../providers/insights/write-openapi";

writeFileSync(OPENAPI_FILE, openApiYaml(INSIGHTS_CONNECTOR_KINDS));
process.stdout.write(`wrote ${OPENAPI_FILE}\n`);
