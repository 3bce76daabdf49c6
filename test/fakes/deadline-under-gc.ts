// Run as `node --expose-gc -r bin/register-ts.js test/fakes/deadline-under-gc.ts <client>`:
// starts a server on 127.0.0.1 that answers 200 at once and then drips its body a byte every
// 300 ms without end (https with DRIP_TLS_KEY and DRIP_TLS_CERT, trusted through
// NODE_EXTRA_CA_CERTS), builds <client> (its libraries loaded before the clock starts), runs one
// call of it against the server with a per-request deadline of DEADLINE_MS while forcing a
// garbage collection every 250 ms (as test/fakes/force-gc.js does), and prints one JSON line:
// { client, elapsedMs, error }. A deadline lost to the collector shows as a call that ends only
// when this script gives up.
import type { IncomingMessage, ServerResponse } from "node:http";
import { createServer as createHttpServer } from "node:http";
import { createServer as createHttpsServer } from "node:https";
import type { AddressInfo } from "node:net";
import { INSIGHTS_CONNECTOR_KINDS } from "../../connectors/catalog";
import { runEngine } from "../../providers/engines/run-engine";
import { anonymousOctokit, DEFAULT_GITHUB_HTTP_POLICY } from "../../providers/github/octokit";
import { Deadline } from "../../providers/insights/deadline";
import { InsightsHttpClient } from "../../providers/insights/http-client";
import { EMULATOR_DEFAULT_SITE } from "../../register/insights-target";
import type { ReadContext } from "../../verify/reading";

export const DEADLINE_MS = 1500;
const GIVE_UP_MS = 30_000;

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error("run with node --expose-gc");

function context(env: NodeJS.ProcessEnv): ReadContext {
  return {
    tenant: "acme",
    stackName: "acme-x",
    configDir: ".",
    env,
    limits: { requestTimeoutMs: DEADLINE_MS, maxAttempts: 1, sourceTimeoutMs: GIVE_UP_MS },
    // The source's deadline is the harness's to keep: only the request's own may end the call.
    signal: new AbortController().signal,
    githubDir: ".",
  };
}

/** A token credential that never calls out, so the request under test is the API's own. */
const stubCredential = {
  credential: { getToken: async () => ({ token: "stub-token", expiresOnTimestamp: Date.now() + 3_600_000 }) },
  clientId: "stub-client",
  secret: "stub-secret",
  tokenWhat: "stub token",
};

/** Each client: built (its libraries loaded) for the server at `url`, then the one call under test. */
const CLIENTS: Record<string, (url: string) => Promise<() => Promise<unknown>>> = {
  insights: async (url) => {
    const client = new InsightsHttpClient({
      baseUrl: url,
      siteId: EMULATOR_DEFAULT_SITE,
      kinds: INSIGHTS_CONNECTOR_KINDS,
      timeoutMs: DEADLINE_MS,
      runDeadline: new Deadline(GIVE_UP_MS * 2),
    });
    return () => client.list();
  },
  octokit: async (url) => {
    const octokit = anonymousOctokit(url, { ...DEFAULT_GITHUB_HTTP_POLICY, requestTimeoutMs: DEADLINE_MS, retries: 0 });
    return () => octokit.request("GET /meta");
  },
  gcp: async (url) => {
    const { gcpRequest } = await import("../../verify/readers/gcp-rest");
    return () => gcpRequest({ what: "GET projects", url: `${url}/v1/projects` }, context({}));
  },
  pingone: async (url) => {
    const { signIn } = await import("../../verify/readers/pingone-api");
    const env = { PINGONE_CLIENT_ID: "id", PINGONE_CLIENT_SECRET: "secret", PINGONE_ENVIRONMENT_ID: "env" };
    return () => signIn({ apiUrl: url, authUrl: url }, context(env));
  },
  graph: async (url) => {
    const { graphReader } = await import("../../verify/readers/entra-client");
    const reader = graphReader(context({ INSIGHTS_GRAPH_URL: url }), stubCredential as never);
    return () => reader.get("GET /organization", "/organization");
  },
  arm: async (url) => {
    const { readRbacRoles } = await import("../../verify/readers/azure-rbac");
    return () => readRbacRoles(context({ INSIGHTS_ARM_URL: url }), stubCredential as never, "tenant", "principal");
  },
  okta: async (url) => {
    const { oktaReadClient } = await import("../../verify/readers/okta-client");
    const env = { OKTA_CLIENT_ORGURL: url, OKTA_CLIENT_TOKEN: "stub-token" };
    const client = oktaReadClient({ domain: "acme.okta.com" } as never, context(env));
    return () => client.applicationApi.getApplication({ appId: "0oa-x" });
  },
  aws: async (url) => {
    const { awsReadClients } = await import("../../verify/readers/aws-clients");
    const { GetRoleCommand } = await import("@aws-sdk/client-iam");
    const env = { AWS_ENDPOINT_URL: url, AWS_ACCESS_KEY_ID: "AKIDSTUB", AWS_SECRET_ACCESS_KEY: "stub" };
    // The SDK reads its endpoint and credentials from the process's environment.
    Object.assign(process.env, env);
    const clients = awsReadClients(context(env));
    return () => clients.iam.send(new GetRoleCommand({ RoleName: "x" }));
  },
  engine: async () => () =>
    runEngine(process.execPath, ["-e", "setInterval(() => process.stdout.write('.'), 300)"], {
      cwd: process.cwd(),
      env: process.env,
      install: "nothing",
      timeoutMs: DEADLINE_MS,
    }),
};

async function main(): Promise<void> {
  const name = process.argv[2];
  const client = CLIENTS[name];
  if (!client) throw new Error(`unknown client ${name}; one of ${Object.keys(CLIENTS).join(", ")}`);
  const drip = (_request: IncomingMessage, response: ServerResponse) => {
    response.writeHead(200, { "content-type": "application/json" });
    const timer = setInterval(() => response.write(" "), 300);
    response.on("close", () => clearInterval(timer));
  };
  const { DRIP_TLS_KEY: key, DRIP_TLS_CERT: cert } = process.env;
  const server = key && cert ? createHttpsServer({ key, cert }, drip) : createHttpServer(drip);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `${key ? "https" : "http"}://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const call = await client(url);
  setInterval(() => gc!(), 250).unref();
  const started = Date.now();
  const giveUp = new Promise((resolve) => setTimeout(() => resolve("gave up"), GIVE_UP_MS).unref());
  let error: string;
  try {
    const result = await Promise.race([call(), giveUp]);
    error = result === "gave up" ? "no end: the harness gave up" : "no error: the call succeeded";
  } catch (thrown) {
    error = (thrown as Error).message;
  }
  process.stdout.write(`${JSON.stringify({ client: name, elapsedMs: Date.now() - started, error })}\n`);
  process.exit(0);
}

void main();
