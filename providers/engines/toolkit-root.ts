import { existsSync } from "node:fs";
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
