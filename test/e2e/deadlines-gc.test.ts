import { spawn } from "node:child_process";
import { createServer, type Server } from "node:http";
import { join } from "node:path";
import { selfSignedCertificate } from "../fakes/entra";
import { closeLoopback, listenOnLoopback } from "../fakes/loopback";
import { CLI, REGISTER_TS, REPO } from "../helpers/cli";
import { requireTool } from "../helpers/require-tool";

// Every per-call deadline must hold while the garbage collector runs: on Node 20 a timeout
// signal inside AbortSignal.any can be collected, and the call then ends only at the run's
// deadline. Each client runs in a child under `node --expose-gc` with a collection every 250 ms,
// against a server on 127.0.0.1 that answers at once and then drips its body for ever.

const HARNESS = join(REPO, "test", "fakes", "deadline-under-gc.ts");
const FORCE_GC = join(REPO, "test", "fakes", "force-gc.js");
/** The harness's per-request deadline (test/fakes/deadline-under-gc.ts DEADLINE_MS). */
const DEADLINE_MS = 1500;
/** What "ends within a few seconds of the deadline" allows: forced collections slow the child. */
const SLACK_MS = 4000;

/** One client's harness in a child; several run at once (each keeps its own clock, see SLACK_MS). */
function underGc(client: string, env: NodeJS.ProcessEnv = {}): Promise<{ elapsedMs: number; error: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--expose-gc", "-r", REGISTER_TS, HARNESS, client], {
      cwd: REPO,
      env: { ...process.env, ...env },
      timeout: 60_000,
    });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.on("error", reject);
    child.on("close", () => {
      const line = output.trim().split("\n").pop() ?? "";
      if (line.startsWith("{")) resolve(JSON.parse(line));
      else reject(new Error(`harness for ${client} said: ${output}`));
    });
  });
}

describe("per-call deadlines hold under forced garbage collection (node --expose-gc)", () => {
  // Concurrent (jest's maxConcurrency, 5 at a time): most of each test is waiting for a deadline.
  test.concurrent.each([
    ["insights", /timed out after 2 s talking to 127\.0\.0\.1:\d+/],
    ["octokit", /timed out after 1\.5 s talking to 127\.0\.0\.1:\d+/],
    ["gcp", /no answer within 1\.5 s/],
    ["pingone", /timed out after 1\.5 s talking to 127\.0\.0\.1:\d+/],
    ["graph", /no answer within/],
    ["okta", /over 1500ms/],
    // @smithy/core 3.41.0 said "Request aborted"; 3.41.1 with @aws-sdk/core 3.981.2 (one copy since
    // @aws-cdk/toolkit-lib's clients need them) reports the body cut off mid-read as "aborted" under a
    // deserialization error. Either way the call ends at its deadline, which is what is checked below.
    ["aws", /^aborted\b|Request aborted/],
    ["engine", /was stopped after its deadline of 1\.5 s/],
  ])(
    "%s: a call whose answer drips without end is cut off at the per-request deadline",
    async (client, error) => {
      const result = await underGc(client);
      expect(result.error).toMatch(error);
      expect(result.elapsedMs).toBeGreaterThanOrEqual(DEADLINE_MS - 100);
      expect(result.elapsedMs).toBeLessThan(DEADLINE_MS + SLACK_MS);
    },
    90_000,
  );

  const openssl = requireTool("openssl", "the ARM reader's deadline (ARM takes a bearer token over https only)");
  openssl.test(
    `arm: a call whose answer drips without end is cut off at the per-request deadline${openssl.note}`,
    async () => {
      const tls = selfSignedCertificate();
      try {
        const result = await underGc("arm", {
          DRIP_TLS_KEY: tls.key,
          DRIP_TLS_CERT: tls.cert,
          NODE_EXTRA_CA_CERTS: tls.certFile,
        });
        expect(result.error).toMatch(/no answer within the deadline/);
        expect(result.elapsedMs).toBeLessThan(DEADLINE_MS + SLACK_MS);
      } finally {
        tls.cleanup();
      }
    },
    90_000,
  );
});

describe("status --request-timeout holds against a slow-drip Insights under forced garbage collection", () => {
  let server: Server;
  let url: string;
  beforeAll(async () => {
    // The timings below are the CLI's own: compile dist/ first if a source changed since the last build.
    const { build, isStale } = require(join(REPO, "scripts", "build.js"));
    if (isStale()) build();
    server = createServer((_request, response) => {
      response.writeHead(200, { "content-type": "application/json" });
      const drip = setInterval(() => response.write(" "), 2000); // a byte every 2 s, as in the issue
      response.on("close", () => clearInterval(drip));
    });
    url = await listenOnLoopback(server);
  });
  afterAll(() => closeLoopback(server));

  /** The compiled CLI under `node --expose-gc` with a collection every 250 ms; killed after 25 s. */
  function status(): Promise<{ code: number | null; seconds: number; stderr: string }> {
    const started = Date.now();
    const argv = ["--expose-gc", "-r", FORCE_GC, CLI, "status", "--config", "examples/aws-single-account.yaml"];
    const flags = ["--emulator", url, "--request-timeout", "2", "--timeout", "60"];
    return new Promise((resolve) => {
      const child = spawn(process.execPath, [...argv, ...flags], { cwd: REPO, timeout: 25_000 });
      let stderr = "";
      child.stderr.on("data", (chunk) => (stderr += chunk));
      child.on("close", (code) => resolve({ code, seconds: (Date.now() - started) / 1000, stderr }));
    });
  }

  test("three tries each end within a few seconds of --request-timeout 2 (not at --timeout 60)", async () => {
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const run = await status();
      expect(run.stderr).toMatch(/timed out after 2 s talking to 127\.0\.0\.1:\d+/);
      expect(run.code).toBe(1);
      expect(run.seconds).toBeLessThan(8);
    }
  }, 120_000);
});
