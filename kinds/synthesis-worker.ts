// A worker thread of `plan`: synthesizes one engine's stacks with the registry's pieces and
// answers with their grants and lifetimes (review/parallel.ts starts it, by the path
// planSynthesis() hands down).
import { parentPort, workerData } from "node:worker_threads";
import { serveSynthesis, type SynthesisRequest } from "../review/parallel";
import { SYNTHESES } from "./registry";

if (parentPort) serveSynthesis(parentPort, workerData as SynthesisRequest, SYNTHESES);
