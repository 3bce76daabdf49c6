import { existsSync } from "node:fs";
import type { TenantConfig, ToolkitConfig } from "../config/types";
import { connectorKey } from "../plan/connector-key";
import type { InsightsApi } from "../providers/insights/adapter";
import { printable } from "../providers/text/printable";
import { leftByDesign, type DownOptions, type LeftBehind } from "./down";
import type { EnginePreview, LocalFile } from "./engines/engine";
import { credentialRecordPath } from "./rotation/credential-record";
import { previewStacks, type StackPreviewOptions } from "./stack-previews";
import { unitsOf } from "./units";
import { SHEET_CONNECTOR_STAYS, tenantInsightsApi } from "./tenant-insights-api";

/** One Insights connector `down` would turn off and delete, as far as Insights could be asked. */
export interface ConnectorToRemove {
  readonly name: string;
  readonly kind: string;
  /** `registered`: Insights holds it; `not registered`: it does not; `unknown`: Insights could not be asked. */
  readonly insights: "registered" | "not registered" | "unknown" | "sheet";
  readonly detail?: string;
}

/** One stack `down` would destroy, with its engine's commands and preview. */
export interface StackToDestroy {
  readonly connector: string;
  readonly stack: string;
  readonly engine: string;
  readonly commands: readonly string[];
  readonly preview?: EnginePreview;
  readonly previewError?: string;
  /** The engine is not installed here: down would leave the stack, and says what to install. */
  readonly missing?: string;
}

/** What `down` would do for one tenant, in its order, and what it would leave. Nothing is changed. */
export interface DownPreview {
  readonly tenant: string;
  readonly connectors: readonly ConnectorToRemove[];
  /** In the order down destroys them: the reverse of the config's. */
  readonly stacks: readonly StackToDestroy[];
  readonly files: readonly LocalFile[];
  /** Left in place by design (a GitHub App registration, a PREVENT project, APIs other workloads use). */
  readonly left: readonly LeftBehind[];
}

export interface DownPreviewOptions extends Pick<
  DownOptions,
  "engineFor" | "env" | "emulatorUrl" | "http" | "insightsApi" | "onEngineOutput" | "signal"
> {
  readonly mode: StackPreviewOptions["mode"];
}

/**
 * `down --dry-run`, and what `down` without `--yes` shows before it refuses: every Insights
 * connector it would delete (Insights is asked which it holds: a read), every stack it would
 * destroy with the resources the engine previews, the local files, and what stays. Changes nothing.
 */
export async function previewDown(
  config: ToolkitConfig,
  tenantName: string,
  options: DownPreviewOptions,
): Promise<DownPreview> {
  const tenant = config.tenants.find((t) => t.name === tenantName)!;
  const units = unitsOf(config, tenant, options.engineFor);
  const connectors = await connectorsToRemove(config, tenant, units, options);
  const reversed = [...units].reverse().filter((u) => u.engine && u.planned.provisioning.mode === "stack");
  const previews = await previewStacks(reversed, "destroy", { ...options, parameters: undefined });
  const stacks = reversed.map((unit): StackToDestroy => {
    const engine = unit.engine!;
    const preview = previews.get(unit);
    const missing = engine.missing();
    return {
      connector: unit.planned.name,
      stack: engine.step.stackName,
      engine: engine.step.engine,
      commands: engine.describe("destroy"),
      ...(preview && "preview" in preview ? { preview: preview.preview } : {}),
      ...(preview && "error" in preview ? { previewError: preview.error } : {}),
      ...(missing ? { missing: printable(missing) } : {}),
    };
  });
  const files = [...reversed.flatMap((u) => u.engine!.localFiles?.() ?? []), ...tenantFiles(tenant)];
  return { tenant: tenant.name, connectors, stacks, files, left: leftByDesign(units) };
}

/** The connectors of the config and, asked of Insights (a list: a read), which it holds. */
async function connectorsToRemove(
  config: ToolkitConfig,
  tenant: TenantConfig,
  units: ReturnType<typeof unitsOf>,
  options: DownPreviewOptions,
): Promise<ConnectorToRemove[]> {
  const named = units.map((u) => ({ name: u.planned.name, kind: u.planned.kind, key: u.planned.key }));
  const api: InsightsApi | undefined = tenantInsightsApi(config, tenant, options);
  if (!api) {
    const detail = SHEET_CONNECTOR_STAYS;
    return named.map(({ name, kind }) => ({ name, kind, insights: "sheet" as const, detail }));
  }
  try {
    const held = new Set((await api.list()).map((c) => connectorKey(tenant.name, c.kind, c.name)));
    return named.map(({ name, kind, key }) => ({
      name,
      kind,
      insights: held.has(key) ? ("registered" as const) : ("not registered" as const),
    }));
  } catch (error) {
    if (options.signal?.aborted) throw error;
    const detail = `Insights could not be asked: ${printable((error as Error).message)}`;
    return named.map(({ name, kind }) => ({ name, kind, insights: "unknown" as const, detail }));
  }
}

/** The tenant's own record files; down leaves them. */
function tenantFiles(tenant: TenantConfig): LocalFile[] {
  const record = credentialRecordPath(tenant.name);
  return existsSync(record)
    ? [
        {
          path: record,
          what: "the credential record (creation times `status` reads)",
          removedByDestroy: false,
          why: "down does not change it; delete it once the tenant is gone",
        },
      ]
    : [];
}
