/** Okta reading helpers that need no SDK: where to ask, failures as unreadable, bounded lists. */
import type { OktaConnectorConfig } from "../../connectors/okta/config";
import { printable } from "../../providers/text/printable";
import { UnreadableSourceError } from "../reading";
import { sourceEndpoint } from "../source-endpoint";

/** An Okta answer larger than this is refused: the reader's lists are a few kilobytes. */
export const OKTA_MAX_RESPONSE_BYTES = 8 * 1024 * 1024;

/**
 * Where the reader asks: `OKTA_CLIENT_ORGURL` when set (a proxy, the tests' fake), else the
 * connector's org. Credentials travel in clear over http, so only a loopback address may use it.
 */
export function oktaOrgUrl(connector: OktaConnectorConfig, env: NodeJS.ProcessEnv): string {
  const url = env.OKTA_CLIENT_ORGURL?.trim() || `https://${connector.domain.toLowerCase()}`;
  sourceEndpoint(url, env.OKTA_CLIENT_ORGURL?.trim() ? "OKTA_CLIENT_ORGURL" : "the Okta org URL");
  return url;
}

/** What an SDK failure says, cleaned and short: Okta's error code and summary, or the socket's reason. */
export function oktaErrorReason(error: unknown): string {
  const e = error as {
    name?: string;
    type?: string;
    status?: number;
    errorCode?: string;
    errorSummary?: string;
    message?: string;
  };
  if (e?.name === "AbortError") return "the source deadline passed (see --source-timeout)";
  if (e?.type === "request-timeout") return "no answer within the request deadline (see --request-timeout)";
  if (e?.type === "max-size") return `the answer is larger than ${OKTA_MAX_RESPONSE_BYTES} bytes`;
  if (e?.type === "no-redirect") return "the server redirected; the reader follows no redirect";
  if (e?.errorCode) return printable(`HTTP ${e.status} ${e.errorCode}: ${e.errorSummary ?? ""}`).slice(0, 300);
  return printable(String(e?.message ?? error)).slice(0, 300);
}

/** Runs one read call; a failure becomes {@link UnreadableSourceError} naming the call. */
export async function oktaRead<T>(what: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof UnreadableSourceError) throw error;
    throw new UnreadableSourceError(what, oktaErrorReason(error), { cause: error });
  }
}

/** Every item of an SDK collection, with a ceiling: a server that always has a next page cannot keep verify busy. */
export async function allItems<T>(what: string, list: () => Promise<AsyncIterable<T>>, ceiling = 10_000): Promise<T[]> {
  return oktaRead(what, async () => {
    const items: T[] = [];
    for await (const item of await list()) {
      items.push(item);
      if (items.length > ceiling) throw new UnreadableSourceError(what, `more than ${ceiling} entries; stopped`);
    }
    return items;
  });
}
