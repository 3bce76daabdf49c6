import { join } from "node:path";
import type { ConnectorConfig } from "../../connectors/catalog";
import { loadConfig } from "../../config/load";
import type { InsightsTarget, TenantConfig, ToolkitConfig } from "../../config/types";
import { SecretRef } from "../../values/secret-ref";
import { REPO } from "../helpers/cli";

// Compile-time checks (`npm test` type-checks test/): the config types come from the
// schemas, so they must be exactly the catalog's connector union and the target's fields,
// never `any` (which a cast or a loose schema type would give).
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type IsAny<T> = 0 extends 1 & T ? true : false;
const connectorIsTheCatalogUnion: Equal<TenantConfig["connectors"][number], ConnectorConfig> = true;
const connectorIsNotAny: IsAny<TenantConfig["connectors"][number]> = false;
const adapters: Equal<InsightsTarget["adapter"], "http" | "sheet" | "emulator"> = true;
const token: Equal<InsightsTarget["token"], SecretRef | undefined> = true;
const version: Equal<ToolkitConfig["version"], 1> = true;

describe("config types derived from the schemas", () => {
  test("the compile-time checks above hold", () => {
    expect([connectorIsTheCatalogUnion, connectorIsNotAny, adapters, token, version]).toEqual([
      true,
      false,
      true,
      true,
      true,
    ]);
  });

  test("a loaded config carries what the types say: SecretRefs, the version, its file and folder", () => {
    const file = join(REPO, "examples", "all-sources.yaml");
    const config: ToolkitConfig = loadConfig(file);
    expect(Object.keys(config).sort()).toEqual(["dir", "file", "tenants", "version"]);
    expect(config.version).toBe(1);
    expect(config.file).toBe(file);
    expect(config.dir).toBe(join(REPO, "examples"));
    const aws = config.tenants[0].connectors.find((c) => c.kind === "aws");
    expect(aws && "externalId" in aws && aws.externalId).toBeInstanceOf(SecretRef);
  });
});
