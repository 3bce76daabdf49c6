import { CloudFormationClient } from "@aws-sdk/client-cloudformation";
import { IAMClient } from "@aws-sdk/client-iam";
import { OrganizationsClient } from "@aws-sdk/client-organizations";
import { withCallDeadline } from "../../providers/http/call-deadline";
import { UnreadableSourceError, type ReadContext } from "../reading";
import { sourceEndpoint } from "../source-endpoint";

/** The three read clients of the AWS reader, with the environment's credentials and region. */
export interface AwsReadClients {
  readonly iam: IAMClient;
  readonly cloudFormation: CloudFormationClient;
  readonly organizations: OrganizationsClient;
  /** The region CloudFormation is asked in (the StackSet's home region). */
  readonly region: string;
  destroy(): void;
}

/**
 * Clients built from the standard AWS chain only (environment, shared config, SSO, IMDS),
 * never from the tenant config. Endpoints follow the SDK's own `AWS_ENDPOINT_URL` and
 * `AWS_ENDPOINT_URL_<SERVICE>` variables (@smithy/core 3.41.0,
 * dist-es/submodules/endpoints/middleware-endpoint/adaptors/getEndpointUrlConfig.js), which
 * is how the tests point them at moto. Every request has a deadline and a retry ceiling.
 */
export function awsReadClients(context: ReadContext): AwsReadClients {
  const common = awsClientSettings(context);
  const region = common.region;
  const bounded = boundedSends(common.requestHandler.requestTimeout, context.signal);
  const iam = bounded(new IAMClient(common));
  const cloudFormation = bounded(new CloudFormationClient(common));
  const organizations = bounded(new OrganizationsClient(common));
  return {
    iam,
    cloudFormation,
    organizations,
    region,
    destroy: () => [iam, cloudFormation, organizations].forEach((client) => client.destroy()),
  };
}

/**
 * The SDK's endpoint variables (`AWS_ENDPOINT_URL`, `AWS_ENDPOINT_URL_<SERVICE>`) through the shared
 * check: signed requests and a session token must not go in clear off this machine. The SDK reads
 * them from the process's environment, the reader from its context's: both are checked.
 */
function checkEndpointVariables(env: NodeJS.ProcessEnv): void {
  for (const [name, value] of [...Object.entries(process.env), ...Object.entries(env)]) {
    if (value && /^AWS_ENDPOINT_URL(_[A-Z0-9_]+)?$/.test(name)) sourceEndpoint(value, name);
  }
}

/**
 * Gives every `send` of a client its own deadline (providers/http/call-deadline.ts), attempts and
 * body included. The SDK's `requestTimeout` does not bound a slow body: @smithy/node-http-handler
 * 4.14.2 clears its timers once the headers arrive, and by default only logs a warning when the
 * time passes (dist-cjs/index.js, `setRequestTimeout`, "throwOnRequestTimeout=true to turn this
 * into an error").
 */
export function boundedSends(ms: number, parent: AbortSignal) {
  return <C extends { send: (...args: any[]) => Promise<unknown> }>(client: C): C => {
    const send = client.send.bind(client);
    client.send = ((command: unknown, options?: object) =>
      withCallDeadline(ms, parent, (abortSignal) => send(command, { ...options, abortSignal }))) as C["send"];
    return client;
  };
}

/**
 * Every client's settings: the region, the read's deadline per request and its retry ceiling; the
 * endpoint variables pass the shared TLS check first.
 */
export function awsClientSettings(context: ReadContext) {
  // IAM and Organizations are global; CloudFormation needs the region the stack lives in.
  const region = context.env.AWS_REGION || context.env.AWS_DEFAULT_REGION || "us-east-1";
  const { requestTimeoutMs, maxAttempts } = context.limits;
  checkEndpointVariables(context.env);
  return {
    region,
    maxAttempts,
    retryMode: "standard",
    requestHandler: { requestTimeout: requestTimeoutMs, connectionTimeout: Math.min(requestTimeoutMs, 10_000) },
  } as const;
}

/** What an SDK failure says, without its stack: the service's error name and message, or the socket's code. */
export function awsErrorReason(error: unknown): string {
  const e = error as { name?: string; message?: string; code?: string; $metadata?: { httpStatusCode?: number } };
  if (e?.name === "AbortError") {
    // The SDK wraps the signal's reason as `cause`: a TimeoutError is the request's own deadline.
    const own = (e as { cause?: { name?: string } }).cause?.name === "TimeoutError";
    return own ? "no answer within the request deadline" : "the source deadline passed (see --source-timeout)";
  }
  if (e?.name === "TimeoutError") return `no answer within the request deadline: ${e.message ?? ""}`.trim();
  if (e?.name === "CredentialsProviderError") return `no AWS credentials in the standard chain: ${e.message ?? ""}`;
  const status = e?.$metadata?.httpStatusCode ? ` (HTTP ${e.$metadata.httpStatusCode})` : "";
  const code = e?.code && !e.message?.includes(e.code) ? ` [${e.code}]` : "";
  return `${e?.name ?? "Error"}${status}: ${e?.message || "no message"}${code}`;
}

/** Runs one read call; a failure becomes {@link UnreadableSourceError} naming the call. */
export async function awsRead<T>(what: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw new UnreadableSourceError(what, awsErrorReason(error), { cause: error });
  }
}

/** Every page of a NextToken/Marker-paginated list call, each page read through {@link awsRead}. */
export async function allPages<P, I>(
  what: string,
  fetchPage: (token: string | undefined) => Promise<P>,
  items: (page: P) => I[] | undefined,
  next: (page: P) => string | undefined,
): Promise<I[]> {
  const all: I[] = [];
  let token: string | undefined;
  // A ceiling on pages: a server that always answers "more" cannot keep verify busy forever.
  for (let page = 0; page < 1000; page += 1) {
    const answer = await awsRead(what, () => fetchPage(token));
    all.push(...(items(answer) ?? []));
    token = next(answer);
    if (!token) return all;
  }
  throw new UnreadableSourceError(what, "more than 1000 pages; stopped");
}
