// A worker thread of `plan`: synthesizes one engine's stacks and answers with their grants.
import { parentPort, workerData } from "node:worker_threads";
import { synthesize, type Engine, type ExtractionJob } from "./engines";
import type { ExtractedGrant } from "./extracted-grant";

export interface SynthesisReply {
  readonly grants?: ExtractedGrant[][];
  readonly error?: string;
}

if (parentPort) {
  // As bin/insights-connectors.js does for the main thread: reuse compiled code on Node >= 22.1.
  (require("node:module") as { enableCompileCache?: () => unknown }).enableCompileCache?.();
  const { engine, jobs } = workerData as { engine: Engine; jobs: ExtractionJob[] };
  synthesize(engine, jobs).then(
    (grants) => parentPort!.postMessage({ grants } satisfies SynthesisReply),
    (error: unknown) => {
      const reply: SynthesisReply = { error: error instanceof Error ? error.message : String(error) };
      parentPort!.postMessage(reply);
    },
  );
}
