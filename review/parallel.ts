import { join } from "node:path";
import { Worker } from "node:worker_threads";
import { synthesize, type ConnectorArtifacts, type Engine, type ExtractionJob } from "./engines";
import { CredentialLifetimeError } from "./extract/credential-lifetime";
import type { SynthesisReply } from "./synthesis-worker";

/** The engine kept on the calling thread: the others' libraries load and run beside it. */
const HERE: Engine = "aws-cdk";

/**
 * Synthesizes each engine's jobs on its own thread, so the engines' libraries load and
 * their stacks synthesize on every core at once. Each engine's libraries load on one
 * thread only, so memory stays that of one process loading them all. One engine with
 * work (a warm cache, a single-cloud config) runs here, without a worker's start-up.
 */
export async function synthesizeEngines(
  jobs: ReadonlyMap<Engine, readonly ExtractionJob[]>,
  { threads }: { threads: boolean },
): Promise<Map<Engine, ConnectorArtifacts[]>> {
  const busy = [...jobs].filter(([, list]) => list.length > 0);
  // Workers run compiled JavaScript; from the TypeScript sources (tests, ts-node) all runs here.
  const canFork = threads && busy.length > 1 && __filename.endsWith(".js");
  const local = canFork ? busy.filter(([engine]) => engine === HERE || engine === "github-manifest") : busy;
  const remote = canFork ? busy.filter(([engine]) => !local.some(([kept]) => kept === engine)) : [];
  const pending = remote.map(([engine, list]) => inWorker(engine, list).then((grants) => [engine, grants] as const));
  const results = new Map<Engine, ConnectorArtifacts[]>();
  let localFailure: { readonly error: unknown } | undefined;
  try {
    for (const [engine, list] of local) results.set(engine, await synthesize(engine, list));
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

function inWorker(engine: Engine, jobs: readonly ExtractionJob[]): Promise<ConnectorArtifacts[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(join(__dirname, "synthesis-worker.js"), {
      workerData: { engine, jobs },
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
