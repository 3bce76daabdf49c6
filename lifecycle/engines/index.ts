import { resolve } from "node:path";
import type { TenantConfig, ToolkitConfig } from "../../config/types";
import type { AwsConnectorConfig } from "../../connectors/aws/config";
import { kindOf, type ConnectorConfig } from "../../connectors/catalog";
import type { GithubConnectorConfig } from "../../connectors/github/config";
import type { OktaConnectorConfig } from "../../connectors/okta/config";
import { stackNames } from "../../connectors/stack-name";
import { stateDir } from "../../stacks/local-state";
import { awsCdkEngine } from "./aws-cdk";
import { cdktfEngine } from "./cdktf";
import type { ConnectorEngine, EngineSettings, EngineTarget } from "./engine";
import { githubAppEngine } from "./github-app";
import { oktaPulumiEngine } from "./okta-pulumi";

export type { ConnectorEngine, EngineContext, EngineSettings, EngineStep } from "./engine";
export { GithubAppPendingError } from "./github-app";

/** What {@link engineFor} needs besides the connector; only the config file has no default. */
export type EngineOptions = Pick<EngineSettings, "configFile"> &
  Partial<Omit<EngineSettings, "configFile" | "configDir">>;

/**
 * The engine of one connector's stack, or undefined for kinds without one (registration-only,
 * collector-install, integrations). `tenant` gives the stack its name (`<tenant>-<kind>[-slug]`,
 * connectors/stack-name.ts); `connector` must be one of `tenant.connectors`.
 */
export function engineFor(
  tenant: TenantConfig,
  connector: ConnectorConfig,
  configDir: string,
  options: EngineOptions,
): ConnectorEngine | undefined {
  const provisioning = kindOf(connector).provisioning;
  if (provisioning.mode !== "stack") return undefined;
  const index = tenant.connectors.indexOf(connector);
  if (index < 0) throw new Error(`connector ${connector.name} is not one of tenant ${tenant.name}'s connectors`);
  const settings: EngineSettings = {
    configDir,
    env: process.env,
    ...options,
    configFile: resolve(options.configFile),
    stateDir: resolve(options.stateDir ?? stateDir()),
    cdktfOut: resolve(options.cdktfOut ?? "cdktf.out"),
  };
  const step = {
    engine: provisioning.engine,
    stackName: stackNames(tenant.name, tenant.connectors)[index],
    summary: provisioning.summary,
  };
  const target: EngineTarget = { tenant: tenant.name, step, settings };
  switch (provisioning.engine) {
    case "aws-cdk":
      return awsCdkEngine(target, connector as AwsConnectorConfig);
    case "cdktf":
      return cdktfEngine(target);
    case "pulumi":
      return oktaPulumiEngine(target, connector as OktaConnectorConfig);
    case "github-app-manifest": {
      const several = tenant.connectors.filter((c) => c.kind === "github").length > 1;
      return githubAppEngine(target, connector as GithubConnectorConfig, several);
    }
  }
}

/**
 * {@link engineFor} bound to one loaded config, in the `(tenant, connector, configDir)` shape
 * `up` and `down` take (lifecycle/engine-port.ts `EngineFor`).
 */
export function engineResolver(
  config: Pick<ToolkitConfig, "file">,
  options: Partial<EngineOptions> = {},
): (tenant: TenantConfig, connector: ConnectorConfig, configDir: string) => ConnectorEngine | undefined {
  return (tenant, connector, configDir) =>
    engineFor(tenant, connector, configDir, { configFile: config.file, ...options });
}
