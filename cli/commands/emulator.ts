import type { Command } from "commander";
import { UsageError, type Io } from "../io";
import { statePath } from "../../config/local-state";
import { positiveNumber } from "../tenant-filter";

/** A TCP port: an integer from 1 to 65535 (0 would make the OS pick one nobody knows). */
function port(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 65535)
    throw new UsageError(`--port must be a port number from 1 to 65535, got ${value}`);
  return n;
}

/** A count of milliseconds, zero allowed. */
function milliseconds(value: string, flag: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0)
    throw new UsageError(`${flag} must be a number of milliseconds (0 or more), got ${value}`);
  return n;
}

function rate(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!(n >= 0 && n <= 1)) throw new UsageError(`${flag} is a rate between 0 and 1, got ${value}`);
  return n;
}

/** `emulator`: the Insights connector API contract on 127.0.0.1, with a persistent store and fault injection. */
export function registerEmulator(program: Command, io: Io, _setExit: (code: number) => void): void {
  program
    .command("emulator")
    .description("serve a local emulator of the Insights connector API on 127.0.0.1 (state persists in --state-dir)")
    .option("-p, --port <port>", "port on 127.0.0.1", "8080")
    .option("--state-dir <dir>", "persistent store", statePath("emulator"))
    .option("--check-delay-ms <ms>", "how long each first connectivity check takes", "500")
    .option("--latency-ms <ms>", "added to every answer", "0")
    .option("--fault-429 <rate>", "share of requests answered 429 with Retry-After")
    .option("--fault-5xx <rate>", "share of requests answered 500/502/503")
    .option("--fault-drop <rate>", "share of connections dropped (before or after the change)")
    .option("--retry-after <seconds>", "Retry-After of injected 429s", "1")
    .option("--seed <n>", "seed of the fault generator", "1")
    .action(async (options: Record<string, string | undefined>) => {
      const settings = {
        port: port(options.port!),
        stateDir: options.stateDir,
        checkDelayMs: milliseconds(options.checkDelayMs!, "--check-delay-ms"),
        faults: {
          latencyMs: milliseconds(options.latencyMs!, "--latency-ms"),
          rate429: rate(options.fault429, "--fault-429"),
          rate5xx: rate(options.fault5xx, "--fault-5xx"),
          rateDrop: rate(options.faultDrop, "--fault-drop"),
          retryAfterSeconds: positiveNumber(options.retryAfter!, "--retry-after"),
          seed: Number(options.seed),
        },
      };
      const { InsightsEmulator } = await import("../../providers/insights/emulator/server");
      const { INSIGHTS_CONNECTOR_KINDS } = await import("../../connectors/catalog");
      const emulator = await InsightsEmulator.start({ kinds: INSIGHTS_CONNECTOR_KINDS, ...settings });
      io.stdout.write(
        `Insights emulator listening on ${emulator.url} (state in ${options.stateDir}); Ctrl-C to stop\n`,
      );
      await new Promise<void>((resolve) => {
        const stop = () => void emulator.stop().then(resolve);
        process.once("SIGINT", stop);
        process.once("SIGTERM", stop);
      });
    });
}
