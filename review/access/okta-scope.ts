import type { AccessLevel } from "../../connectors/grant";

/**
 * Okta Admin Management API scopes that only read: `okta.<resource>.read`, and the
 * `okta.<resource>.read.self` form (developer.okta.com/docs/api/oauth2, "OAuth 2.0 Scopes:
 * Okta Admin Management"). Everything else, `okta.users.manage`, `okta.clients.register`,
 * `okta.workflows.invoke.manage`, is write.
 */
const READ_SCOPE = /^okta\.[a-zA-Z]+\.read(?:\.self)?$/;

/** Access of an Okta API scope granted to the service app. */
export function oktaScopeAccess(scope: string): AccessLevel {
  return READ_SCOPE.test(scope) ? "read" : "write";
}
