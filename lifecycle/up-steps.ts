import type { TenantConfig } from "../config/types";
import type { PlannedConnector } from "../plan/model";
import { API_BASE_PATH } from "../providers/insights/contract";
import { ROUTES, routePath } from "../providers/insights/routes";
import { EMULATOR_DEFAULT_SITE, EMULATOR_DEFAULT_URL } from "../register/insights-target";
import type { ConnectorEngine } from "./engine-port";

interface StepsUnit {
  readonly planned: PlannedConnector;
  readonly engine?: ConnectorEngine;
}

/** Where the tenant's API call for the AWS external ID goes, as `--dry-run` shows it. */
function externalIdCall(tenant: TenantConfig, emulatorUrl: string | undefined): string {
  const url = emulatorUrl ?? tenant.insights.url ?? EMULATOR_DEFAULT_URL;
  const site = tenant.insights.siteId ?? EMULATOR_DEFAULT_SITE;
  return `${ROUTES.awsExternalId.method} ${url.replace(/\/+$/, "")}${API_BASE_PATH}${routePath(ROUTES.awsExternalId, { siteId: site })}`;
}

/**
 * The ordered steps `up` takes for one connector and the commands its engine would run,
 * for `--dry-run`. Built from the same facts the run uses; nothing is contacted or resolved.
 */
export function upSteps(
  tenant: TenantConfig,
  unit: StepsUnit,
  viaApi: boolean,
  options: { readonly emulatorUrl?: string; readonly rotates: boolean },
): string[] {
  const steps: string[] = [];
  const externalId = unit.planned.deployInputs.awsExternalId;
  if (externalId) {
    steps.push(
      externalId.from === "insights"
        ? `AWS external ID: ${externalIdCall(tenant, options.emulatorUrl)}`
        : `AWS external ID: the config's externalId (${externalId.ref.toString()})`,
    );
  }
  if (unit.planned.provisioning.mode === "stack") {
    const missing = unit.engine?.missing();
    if (!unit.engine) steps.push(`deploy: no engine runs ${unit.planned.provisioning.engine} stacks here`);
    else if (missing) steps.push(`deploy: cannot run here: ${missing}`);
    for (const command of unit.engine?.describe("deploy") ?? []) steps.push(`deploy: ${command}`);
    if (options.rotates && viaApi) {
      steps.push(
        "when the credential is due: a new one is deployed beside the old and registered, and the old one is " +
          "removed only once Insights reports the new one Connected (PingOne: it works previousSecretGraceDays more)",
      );
    }
  }
  if (viaApi) {
    steps.push(`register: create or update "${unit.planned.name}" (${unit.planned.kind}) in Insights by kind and name`);
    const collector = unit.planned.provisioning.mode === "collector-install";
    steps.push(
      `wait for the first connectivity check (${
        collector ? "Pending Agent Registration until the Insights Collector is installed" : "Connected"
      })`,
    );
  } else {
    steps.push(`register: write the registration sheet for "${unit.planned.name}" to type into the console`);
  }
  return steps;
}
