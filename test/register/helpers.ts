import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadConfig } from "../../config/load";
import { buildPlan } from "../../plan/build";
import { desiredConnector, type DesiredConnector } from "../../register/desired";
import { envReferenceNames } from "../../register/preflight";
import { syntheticOutputSource } from "../../register/synthetic";
import { REPO } from "../helpers/cli";

export const CANARY = "CANARY-register-5e1d";

/** Every secret reference of examples/all-sources.yaml, set to a canary value. */
export const CANARY_ENV: Record<string, string> = Object.fromEntries(
  envReferenceNames(loadConfig(join(REPO, "examples", "all-sources.yaml"))).map((name) => [name, `${CANARY}-${name}`]),
);

const keyCache = join(mkdtempSync(join(tmpdir(), "synthetic-key-")), "key.pem");

/** The desired connectors of examples/all-sources.yaml, with synthetic stack outputs and canary secrets. */
export async function allSourcesDesired(): Promise<DesiredConnector[]> {
  const config = loadConfig(join(REPO, "examples", "all-sources.yaml"));
  const source = syntheticOutputSource(keyCache);
  const tenant = buildPlan(config).tenants[0];
  return Promise.all(
    tenant.connectors
      .filter((planned) => planned.provisioning.mode !== "integration")
      .map(async (planned) => {
        const outputs =
          planned.provisioning.mode === "stack"
            ? await source.outputs(planned.provisioning.stackName!, planned.provisioning.engine)
            : undefined;
        return desiredConnector(tenant.name, planned, { configDir: config.dir, env: CANARY_ENV, outputs });
      }),
  );
}

/** `count` registration-only connectors (EPM), for volume, kill and fault tests. */
export function manyEpmConnectors(count: number, tenant = "acme"): DesiredConnector[] {
  const { SecretValue } = require("../../values/secret-value") as typeof import("../../values/secret-value");
  return Array.from({ length: count }, (_, i) => ({
    tenant,
    kind: "epm-cloud",
    name: `EPM ${String(i).padStart(4, "0")}`,
    values: {
      name: `EPM ${String(i).padStart(4, "0")}`,
      domain: `https://site${i}.pm.beyondtrustcloud.com`,
      clientId: `client-${i}`,
      clientSecret: new SecretValue(`${CANARY}-secret-${i}`),
    },
    secretFields: new Set(["clientSecret"]),
  }));
}
