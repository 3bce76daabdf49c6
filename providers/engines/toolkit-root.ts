import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";

/**
 * The folder holding this toolkit's engine apps (cdk.json, cdktf.json, bin/): found by
 * walking up from this file, which sits at a different depth in the sources
 * (providers/engines/) and in the build (dist/providers/engines/).
 */
export function toolkitRoot(from: string = __dirname): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, "cdk.json")) && existsSync(join(dir, "cdktf.json"))) return dir;
    if (dirname(dir) === dir)
      throw new Error(`no cdk.json and cdktf.json above ${from}: the toolkit's engine apps are missing`);
  }
}

/**
 * The `context` of one of the toolkit's engine apps' settings files (`cdk.json`: the CDK's feature
 * flags; `cdktf.json`: `stateBackend`, …), as its CLI hands it to the app.
 */
export function engineAppContext(file: "cdk.json" | "cdktf.json", root = toolkitRoot()): Record<string, unknown> {
  const { context } = JSON.parse(readFileSync(join(root, file), "utf8")) as { context?: Record<string, unknown> };
  return { ...context };
}
