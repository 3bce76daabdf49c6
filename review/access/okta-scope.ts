import type { AccessLevel } from "../../connectors/grant";

/**
 * Okta Admin Management API scopes that only read: `okta.<resource>.read`
 * (developer.okta.com/docs/api/oauth2, "OAuth 2.0 Scopes", tables "Okta OpenID Connect &
 * OAuth 2.0" and "Okta Admin Management": `okta.apiTokens.read` "Allows the app to read API
 * Tokens", `okta.apiTokens.manage` "… to manage"). Everything else, `okta.users.manage`,
 * `okta.clients.register`, `okta.workflows.invoke.manage`, `openid`, is write.
 */
const READ_SCOPE = /^okta\.[a-zA-Z]+\.read$/;

/** Access of an Okta API scope granted to the service app. */
export function oktaScopeAccess(scope: string): AccessLevel {
  return READ_SCOPE.test(scope) ? "read" : "write";
}
