// A worker thread of `plan`: synthesizes one engine's stacks and answers with their grants and lifetimes.
import { parentPort, workerData } from "node:worker_threads";
import { synthesize, type ConnectorArtifacts, type Engine, type ExtractionJob } from "./engines";
import { CredentialLifetimeError } from "./extract/credential-lifetime";

export interface SynthesisReply {
  readonly artifacts?: ConnectorArtifacts[];
  readonly error?: string;
  /** The error was a CredentialLifetimeError. */
  readonly unreadableLifetime?: boolean;
}

if (parentPort) {
  // As bin/insights-connectors.js does for the main thread: reuse compiled code on Node >= 22.1.
  (require("node:module") as { enableCompileCache?: () => unknown }).enableCompileCache?.();
  const { engine, jobs } = workerData as { engine: Engine; jobs: ExtractionJob[] };
  synthesize(engine, jobs).then(
    (artifacts) => parentPort!.postMessage({ artifacts } satisfies SynthesisReply),
    (error: unknown) => {
      const reply: SynthesisReply = {
        error: error instanceof Error ? error.message : String(error),
        unreadableLifetime: error instanceof CredentialLifetimeError,
      };
      parentPort!.postMessage(reply);
    },
  );
}
