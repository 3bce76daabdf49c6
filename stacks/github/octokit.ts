import { createAppAuth } from "@octokit/auth-app";
import { Octokit } from "@octokit/rest";
import type { SecretValue } from "../../config/secret-value";

const USER_AGENT = "insights-connectors";

/** Unauthenticated client: the manifest conversion needs no token, only the one-time code. */
export function anonymousOctokit(apiUrl: string): Octokit {
  return new Octokit({ baseUrl: apiUrl, userAgent: USER_AGENT, log: quietLog });
}

/** Client that signs as the app itself (a short-lived JWT from its private key). */
export function appOctokit(apiUrl: string, appId: number, privateKey: SecretValue): Octokit {
  return new Octokit({
    baseUrl: apiUrl,
    userAgent: USER_AGENT,
    authStrategy: createAppAuth,
    auth: { appId, privateKey: privateKey.reveal() },
    log: quietLog,
  });
}

/** Octokit logs request failures itself; the flow reports them once, in its own words. */
const quietLog = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };
