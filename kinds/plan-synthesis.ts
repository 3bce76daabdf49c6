import { join } from "node:path";
import type { SynthesisSetup } from "../review/parallel";
import { SYNTHESES } from "./registry";

/**
 * How plan synthesizes the stacks: every kind's pieces from the registry and, when this code
 * runs compiled (dist/), the worker script beside this module, which loads the same registry.
 * From the TypeScript sources (tests, ts-node) there is no compiled worker: all runs on one thread.
 */
export function planSynthesis(): SynthesisSetup {
  const compiled = __filename.endsWith(".js");
  return { syntheses: SYNTHESES, ...(compiled ? { worker: join(__dirname, "synthesis-worker.js") } : {}) };
}
