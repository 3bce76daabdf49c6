import { ConfigError, configErrorReport } from "../config/problems";
import { loadConfig } from "../config/load";
import type { ToolkitConfig } from "../config/types";

/** The config an engine app synthesizes: `-c config=FILE`, else INSIGHTS_CONFIG, else the example. */
export function engineConfigPath(context: unknown): string {
  return typeof context === "string" && context ? context : process.env.INSIGHTS_CONFIG || "examples/all-sources.yaml";
}

/** Loads it, or prints every problem and exits 2 before anything is synthesized. */
export function loadEngineConfig(path: string): ToolkitConfig {
  try {
    return loadConfig(path);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(configErrorReport(error, "nothing was synthesized"));
    process.exit(2);
  }
}

/**
 * Runs an engine app whose stacks load their modules on first use. A failure ends the process
 * as a synchronous app's would: the error with its stack on stderr, exit 1.
 */
export function runEngineApp(main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  });
}
