import { Client, DefaultRequestExecutor } from "@okta/okta-sdk-nodejs";
import type { RequestOptions } from "@okta/okta-sdk-nodejs/src/types/request-options";
import type { OktaConnectorConfig } from "../../connectors/okta/config";
import { UnreadableSourceError, type ReadContext } from "../reading";
import { OKTA_MAX_RESPONSE_BYTES, oktaOrgUrl } from "./okta-read";

/**
 * The SDK's executor (429 back-off up to `maxRetries`, a per-request `requestTimeout`) with
 * the read's abort signal, a response-size cap and no redirects added to every request:
 * the SDK hands its options to node-fetch 2 as they are (@okta/okta-sdk-nodejs 8.1.0,
 * src/request-executor.js), whose `signal`, `size` and `redirect: "error"` do exactly that.
 * The token request of private-key mode goes through the same executor (src/oauth.js).
 */
class BoundedRequestExecutor extends DefaultRequestExecutor {
  constructor(
    private readonly signal: AbortSignal,
    limits: ReadContext["limits"],
  ) {
    super({ maxRetries: Math.max(0, limits.maxAttempts - 1), requestTimeout: limits.requestTimeoutMs });
  }

  override fetch(request: RequestOptions) {
    const bounded = { ...request, signal: this.signal, size: OKTA_MAX_RESPONSE_BYTES, redirect: "error" };
    return super.fetch(bounded as RequestOptions);
  }

  // The SDK deep-copies a request it retries; an AbortSignal does not survive the copy.
  override buildRetryRequest(request: RequestOptions, requestId: string, delayMs: number): RequestOptions {
    const { signal, ...rest } = request as RequestOptions & { signal?: AbortSignal };
    return { ...super.buildRetryRequest(rest as RequestOptions, requestId, delayMs), signal } as RequestOptions;
  }
}

/** The SDK's own variables (src/config-loader.js: `OKTA_CLIENT_<KEY>`), read from the context's env. */
const SDK_SETTINGS = ["authorizationMode", "token", "clientId", "scopes", "privateKey", "keyId"] as const;

/**
 * A management client with the SDK's standard credentials: an API token (`OKTA_CLIENT_TOKEN`,
 * SSWS) or a service app's private key (`OKTA_CLIENT_AUTHORIZATIONMODE=PrivateKey` with
 * `OKTA_CLIENT_CLIENTID`, `OKTA_CLIENT_SCOPES`, `OKTA_CLIENT_PRIVATEKEY`, `OKTA_CLIENT_KEYID`),
 * or the SDK's `okta.yaml` files. The org URL is the SDK's documented `orgUrl` setting
 * (@okta/okta-sdk-nodejs 8.1.0 README.md, "Configuration Reference"; a custom `requestExecutor`
 * is its documented extension point, same README, "Request Executor").
 */
export function oktaReadClient(connector: OktaConnectorConfig, context: ReadContext): Client {
  const settings: Record<string, string> = {};
  for (const key of SDK_SETTINGS) {
    const value = context.env[`OKTA_CLIENT_${key.toUpperCase()}`];
    if (value) settings[key] = value;
  }
  const orgUrl = oktaOrgUrl(connector, context.env);
  try {
    return new Client({
      ...settings,
      orgUrl,
      requestExecutor: new BoundedRequestExecutor(context.signal, context.limits),
      // No response cache: the default one reads a GET's body through `response.clone()`, which
      // drops node-fetch's body timeout (node-fetch 2.7.0 lib/index.js, Response#clone), so a
      // server dripping its answer held the read until the source deadline. A reader needs no
      // cache; `null` turns it off (@okta/okta-sdk-nodejs 8.1.0 README.md, "Caching").
      cacheMiddleware: null,
    });
  } catch (error) {
    // The SDK lists what is missing (never a value) and links its README.
    const missing = String((error as Error).message)
      .split("\n")
      .slice(1, -1)
      .join(", ");
    throw new UnreadableSourceError(
      "Okta credentials",
      `${missing || "unusable"}: set OKTA_CLIENT_TOKEN ` +
        "(or OKTA_CLIENT_AUTHORIZATIONMODE=PrivateKey with its client ID, scopes and key)",
      { cause: error },
    );
  }
}
