import { Worker, type MessagePort } from "node:worker_threads";
import type { EngineName } from "../connectors/kind";
import type { ConnectorArtifacts, ExtractionJob, KindSyntheses, SynthesizeOptions } from "./engines";
import { synthesize } from "./synthesis";
import { CredentialLifetimeError } from "./extract/credential-lifetime";
import { enablePrivateCompileCache } from "../providers/node/private-compile-cache";

/** What a synthesis thread posts back: the artifacts, or the error's message. */
export interface SynthesisReply {
  readonly artifacts?: ConnectorArtifacts[];
  readonly error?: string;
  /** The error was a CredentialLifetimeError. */
  readonly unreadableLifetime?: boolean;
}

/** What a synthesis thread is started with. */
export interface SynthesisRequest extends SynthesizeOptions {
  readonly engine: EngineName;
  readonly jobs: readonly ExtractionJob[];
}

/** How plan synthesizes: every kind's pieces and, for threads, the worker that holds the same. */
export interface SynthesisSetup {
  readonly syntheses: KindSyntheses;
  /**
   * The compiled worker script that answers a {@link SynthesisRequest} with a {@link SynthesisReply}
   * (kinds/synthesis-worker.ts); without one, every engine runs on the calling thread.
   */
  readonly worker?: string;
}

/** The engines kept on the calling thread: the others' libraries load and run beside them. */
const HERE: readonly EngineName[] = ["aws-cdk", "github-app-manifest"];

/**
 * Synthesizes each engine's jobs on its own thread, so the engines' libraries load and
 * their stacks synthesize on every core at once. Each engine's libraries load on one
 * thread only, so memory stays that of one process loading them all. One engine with
 * work (a warm cache, a single-cloud config) runs here, without a worker's start-up.
 */
export async function synthesizeEngines(
  jobs: ReadonlyMap<EngineName, readonly ExtractionJob[]>,
  { threads, syntheses, worker, keep }: SynthesisSetup & SynthesizeOptions & { readonly threads: boolean },
): Promise<Map<EngineName, ConnectorArtifacts[]>> {
  const busy = [...jobs].filter(([, list]) => list.length > 0);
  // Workers run compiled JavaScript; from the TypeScript sources (tests, ts-node) all runs here.
  const canFork = threads && busy.length > 1 && worker !== undefined && worker.endsWith(".js");
  const local = canFork ? busy.filter(([engine]) => HERE.includes(engine)) : busy;
  const remote = canFork ? busy.filter(([engine]) => !local.some(([kept]) => kept === engine)) : [];
  const pending = remote.map(([engine, list]) =>
    inWorker(worker!, { engine, jobs: list, keep }).then((grants) => [engine, grants] as const),
  );
  const results = new Map<EngineName, ConnectorArtifacts[]>();
  let localFailure: { readonly error: unknown } | undefined;
  try {
    for (const [engine, list] of local) results.set(engine, await synthesize(engine, list, syntheses, { keep }));
  } catch (error) {
    localFailure = { error };
  }
  // Every worker is awaited even when this thread failed, so none outlives the plan; this
  // thread's own error comes first, a worker's is reported only when this thread succeeded.
  const settled = await Promise.allSettled(pending);
  if (localFailure) throw localFailure.error;
  for (const outcome of settled) if (outcome.status === "fulfilled") results.set(...outcome.value);
  const failed = settled.find((outcome) => outcome.status === "rejected");
  if (failed) throw (failed as PromiseRejectedResult).reason;
  return results;
}

function inWorker(script: string, request: SynthesisRequest): Promise<ConnectorArtifacts[]> {
  const { engine } = request;
  return new Promise((resolve, reject) => {
    const worker = new Worker(script, {
      workerData: request,
      stdout: false,
      stderr: false,
    });
    // Answered is done: the thread is stopped rather than left to drain the engine's handles.
    worker.once("message", (reply: SynthesisReply) => {
      if (reply.artifacts) resolve(reply.artifacts);
      // The class matters to plan (an unreadable lifetime fails as a mismatch does); a thread passes only text.
      else if (reply.unreadableLifetime) reject(new CredentialLifetimeError(reply.error));
      else reject(new Error(reply.error));
      void worker.terminate();
    });
    worker.once("error", reject);
    worker.once("exit", (code) => {
      reject(new Error(`the ${engine} synthesis thread stopped with code ${code} before it answered`));
    });
  });
}

/**
 * The worker's side: synthesizes the request with `syntheses` and posts one reply. The worker
 * script lives where every kind's pieces are bound (kinds/synthesis-worker.ts).
 */
export function serveSynthesis(port: MessagePort, request: SynthesisRequest, syntheses: KindSyntheses): void {
  // As bin/insights-connectors.js does for the main thread: reuse compiled code on Node >= 22.1.
  enablePrivateCompileCache();
  synthesize(request.engine, request.jobs, syntheses, { keep: request.keep }).then(
    (artifacts) => port.postMessage({ artifacts } satisfies SynthesisReply),
    (error: unknown) => {
      const reply: SynthesisReply = {
        error: error instanceof Error ? error.message : String(error),
        unreadableLifetime: error instanceof CredentialLifetimeError,
      };
      port.postMessage(reply);
    },
  );
}
