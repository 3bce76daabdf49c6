import { ClientSecretCredential } from "@azure/identity";
import { Client, type Context, type Middleware } from "@microsoft/microsoft-graph-client";
import { AuthenticationHandler, RetryHandler, RetryHandlerOptions } from "@microsoft/microsoft-graph-client";
import { withCallDeadline } from "../../providers/http/call-deadline";
import { readCappedBytes, ResponseTooLargeError } from "../../providers/http/capped-body";
import { printable } from "../../providers/text/printable";
import { UnreadableSourceError, type ReadContext } from "../reading";
import { sourceEndpoint } from "../source-endpoint";

const GRAPH_URL = "https://graph.microsoft.com";
/** No Graph answer the reader needs comes near this; a larger one is refused, not buffered. */
const RESPONSE_CAP_BYTES = 8 * 1024 * 1024;

/**
 * A read-only Microsoft Graph v1.0 client: `get(what, path)` returns the JSON,
 * or throws {@link UnreadableSourceError}.
 */
/** A string literal of an OData filter or key: quoted, its quotes doubled (OData ABNF `SQUOTE-in-string`). */
export const odataString = (text: string) => `'${text.replace(/'/g, "''")}'`;

export interface GraphReader {
  get<T>(what: string, path: string): Promise<T>;
  /** Every item of a collection, following `@odata.nextLink` on Graph's own origin only. */
  list<T>(what: string, path: string): Promise<T[]>;
}

/** A ceiling on pages: a server that always answers "more" cannot keep verify busy forever. */
const MAX_PAGES = 100;

/**
 * The last link of the Graph client's middleware chain, in place of its HTTPMessageHandler:
 * the same `fetch`, but the body is read with a size cap before the client parses it.
 */
class CappedFetchHandler implements Middleware {
  async execute(context: Context): Promise<void> {
    const response = await fetch(context.request, context.options);
    const body = [204, 304].includes(response.status) ? null : await readCappedBytes(response, RESPONSE_CAP_BYTES);
    context.response = new Response(body, { status: response.status, headers: response.headers });
  }
}

/** The secret never reaches a message, whatever a server or library echoes back. */
export function reasonOf(error: unknown, secret: string): string {
  const e = error as { name?: string; statusCode?: number; code?: string | null; message?: string };
  let reason: string;
  if (e?.name === "AbortError" || e?.name === "TimeoutError") reason = "no answer within the deadline";
  else if (error instanceof ResponseTooLargeError) reason = error.message;
  // GraphError and @azure/core-rest-pipeline's RestError both carry the HTTP status (-1: none).
  else if (e?.statusCode && e.statusCode > 0) reason = `HTTP ${e.statusCode} ${e.code ?? ""}: ${e.message ?? ""}`;
  else reason = `${e?.name ?? "Error"}: ${e?.message || "no message"}`;
  // MSAL pads its messages with "- Timestamp: Not Available" and the like; they say nothing.
  const plain = reason.replace(/(?:\s-)?\s[A-Za-z() ]+: Not Available/g, "").replace(/:\s+-\s+Description:/, ":");
  const cleaned = printable(plain.split("\n")[0]!.slice(0, 400));
  return secret ? cleaned.split(secret).join("[secret]") : cleaned;
}

/**
 * The Entra credentials of the environment (`@azure/identity` EnvironmentCredential's names),
 * checked against the connector.
 */
function environmentCredentials(env: NodeJS.ProcessEnv, tenantId: string) {
  const clientId = env.AZURE_CLIENT_ID;
  const secret = env.AZURE_CLIENT_SECRET;
  if (!clientId || !secret) {
    throw new UnreadableSourceError(
      "Entra credentials",
      "set AZURE_CLIENT_ID and AZURE_CLIENT_SECRET (and AZURE_TENANT_ID)",
    );
  }
  const envTenant = env.AZURE_TENANT_ID?.trim().toLowerCase();
  if (envTenant && envTenant !== tenantId.toLowerCase()) {
    throw new UnreadableSourceError(
      "Entra credentials",
      `AZURE_TENANT_ID is ${envTenant}, the connector's tenant is ${tenantId}`,
    );
  }
  return { clientId, secret };
}

/** The client-secret credential of the environment, for Graph and ARM alike. */
export interface EntraCredential {
  readonly credential: ClientSecretCredential;
  readonly clientId: string;
  /** Only to scrub it from messages. */
  readonly secret: string;
  /** Names the token endpoint in messages. */
  readonly tokenWhat: string;
}

/**
 * `AZURE_AUTHORITY_HOST` moves the token authority, for national clouds and the local fake
 * (`authorityHost`, @azure/identity 4.13.0 dist/commonjs/tokenCredentialOptions.d.ts;
 * EnvironmentCredential reads the same variable). Retries stop at the read's ceiling.
 */
export function entraCredential(context: ReadContext, tenantId: string): EntraCredential {
  const { clientId, secret } = environmentCredentials(context.env, tenantId);
  const authorityHost = context.env.AZURE_AUTHORITY_HOST || undefined;
  // The client secret goes there.
  sourceEndpoint(
    authorityHost ?? "https://login.microsoftonline.com",
    authorityHost ? "AZURE_AUTHORITY_HOST" : "Entra",
  );
  const credential = new ClientSecretCredential(tenantId, clientId, secret, {
    ...(authorityHost ? { authorityHost, disableInstanceDiscovery: true } : {}),
    retryOptions: { maxRetries: context.limits.maxAttempts - 1 },
  });
  const tokenWhat = `Entra token for app ${clientId} from ${authorityHost ?? "https://login.microsoftonline.com"}`;
  return { credential, clientId, secret, tokenWhat };
}

/**
 * A Graph client on the environment's credential. `INSIGHTS_GRAPH_URL` moves Graph
 * (`baseUrl`, @microsoft/microsoft-graph-client 3.0.7 lib/src/IClientOptions.d.ts;
 * `customHosts` there lets the token go to a non-Graph host).
 * Every request: the read's abort signal plus a per-request deadline, a retry ceiling.
 */
export function graphReader(context: ReadContext, { credential, secret, tokenWhat }: EntraCredential): GraphReader {
  const { requestTimeoutMs, maxAttempts } = context.limits;
  const graphUrl = (context.env.INSIGHTS_GRAPH_URL || GRAPH_URL).replace(/\/+$/, "");
  sourceEndpoint(graphUrl, context.env.INSIGHTS_GRAPH_URL ? "INSIGHTS_GRAPH_URL" : "Microsoft Graph"); // the token goes there
  // One timer per request, kept until it settles (providers/http/call-deadline.ts).
  const withDeadline = <T>(call: (signal: AbortSignal) => Promise<T>) =>
    withCallDeadline(requestTimeoutMs, context.signal, call);
  // A token failure surfaces inside the Graph client's own error; kept here to name it as the token's.
  let tokenError: unknown;
  const authProvider = {
    async getAccessToken() {
      try {
        const token = await withDeadline((abortSignal) =>
          credential.getToken(`${graphUrl}/.default`, { abortSignal, requestOptions: { timeout: requestTimeoutMs } }),
        );
        return token.token;
      } catch (error) {
        tokenError = error;
        throw error;
      }
    },
  };
  const client = Client.initWithMiddleware({
    baseUrl: `${graphUrl}/`,
    defaultVersion: "v1.0",
    customHosts: new Set([new URL(graphUrl).hostname]),
    middleware: [
      new AuthenticationHandler(authProvider),
      new RetryHandler(new RetryHandlerOptions(1, maxAttempts - 1)),
      new CappedFetchHandler(),
    ],
  });
  const get = async <T>(what: string, path: string): Promise<T> => {
    try {
      return (await withDeadline((signal) => client.api(path).option("signal", signal).get())) as T;
    } catch (error) {
      if (tokenError) throw new UnreadableSourceError(tokenWhat, reasonOf(tokenError, secret), { cause: tokenError });
      throw new UnreadableSourceError(what, reasonOf(error, secret), { cause: error });
    }
  };
  const origin = new URL(graphUrl).origin;
  const list = async <T>(what: string, path: string): Promise<T[]> => {
    const items: T[] = [];
    let next: string | undefined = path;
    for (let page = 0; next && page < MAX_PAGES; page += 1) {
      const answer: { value?: T[]; "@odata.nextLink"?: string } = await get(what, next);
      items.push(...(answer.value ?? []));
      next = answer["@odata.nextLink"];
      // The token must not follow a link elsewhere (it would only go to Graph hosts anyway).
      if (next && new URL(next).origin !== origin) {
        throw new UnreadableSourceError(what, `next page on another host: ${printable(new URL(next).origin)}`);
      }
    }
    if (next) throw new UnreadableSourceError(what, `more than ${MAX_PAGES} pages; stopped`);
    return items;
  };
  return { get, list };
}
