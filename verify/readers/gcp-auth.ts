import { createPrivateKey, sign } from "node:crypto";
import { readFileSync } from "node:fs";
import { UnreadableSourceError, type ReadContext } from "../reading";
import { sourceEndpoint } from "../source-endpoint";
import { gcpRequest } from "./gcp-rest";

/**
 * The one scope every call accepts: `serviceAccounts.keys.list` and `serviceAccounts.getIamPolicy`
 * take `iam` or `cloud-platform` (IAM REST reference), Cloud Asset's `searchAllIamPolicies` only
 * `cloud-platform` (cloudasset-api.json), the others also `cloud-platform.read-only`. What the
 * token may do is bounded by the reader's roles.
 */
const SCOPE = "https://www.googleapis.com/auth/cloud-platform";
const JWT_BEARER = "urn:ietf:params:oauth:grant-type:jwt-bearer";

interface ServiceAccountFile {
  type: string;
  client_email: string;
  private_key: string;
  private_key_id?: string;
  token_uri: string;
}

/** The service-account JSON of Application Default Credentials; errors name the file and field, never a value. */
function readCredentialsFile(file: string): ServiceAccountFile {
  const what = `GOOGLE_APPLICATION_CREDENTIALS ${file}`;
  let json: Record<string, unknown>;
  try {
    json = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    const why = error instanceof SyntaxError ? "not JSON" : ((error as NodeJS.ErrnoException).code ?? "unreadable");
    throw new UnreadableSourceError(what, why);
  }
  if (json.type !== "service_account") {
    throw new UnreadableSourceError(
      what,
      'field "type" must be "service_account" (verify reads with a service account key)',
    );
  }
  for (const field of ["client_email", "private_key", "token_uri"] as const) {
    if (typeof json[field] !== "string" || !json[field]) {
      throw new UnreadableSourceError(what, `field "${field}" is missing`);
    }
  }
  return json as unknown as ServiceAccountFile;
}

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");

/** The signed assertion of Google's "Using OAuth 2.0 for Server to Server Applications" (RFC 7523). */
export function jwtAssertion(account: ServiceAccountFile, now: Date): string {
  const iat = Math.floor(now.getTime() / 1000);
  const header = { alg: "RS256", typ: "JWT", ...(account.private_key_id ? { kid: account.private_key_id } : {}) };
  const claims = { iss: account.client_email, scope: SCOPE, aud: account.token_uri, iat, exp: iat + 3600 };
  const unsigned = `${base64url(header)}.${base64url(claims)}`;
  let key;
  try {
    key = createPrivateKey(account.private_key);
  } catch {
    throw new UnreadableSourceError("service account key", 'field "private_key" is not a PEM private key');
  }
  return `${unsigned}.${sign("RSA-SHA256", Buffer.from(unsigned), key).toString("base64url")}`;
}

/**
 * An access token from Application Default Credentials' service-account file, exchanged at
 * the file's own `token_uri`. google-auth-library 11.3.4 is not used: it posts to a fixed
 * https://oauth2.googleapis.com/token (build/src/gtoken/getToken.js, GOOGLE_TOKEN_URL) and
 * ignores `token_uri`, so it could neither honour a private token endpoint nor a local fake.
 */
export async function gcpAccessToken(context: ReadContext): Promise<{ token: string; account: string }> {
  const file = context.env.GOOGLE_APPLICATION_CREDENTIALS;
  if (!file) {
    throw new UnreadableSourceError(
      "GCP credentials",
      "GOOGLE_APPLICATION_CREDENTIALS is not set (the path of the reader's service account key JSON)",
    );
  }
  const account = readCredentialsFile(file);
  // The signed assertion goes there: https, or plain http on this machine only (the local fake).
  sourceEndpoint(account.token_uri, `GOOGLE_APPLICATION_CREDENTIALS ${file} token_uri`);
  const form = new URLSearchParams({ grant_type: JWT_BEARER, assertion: jwtAssertion(account, new Date()) });
  const answer = await gcpRequest<{ access_token?: unknown }>(
    { what: `token exchange for ${account.client_email}`, url: account.token_uri, method: "POST", body: { form } },
    context,
  );
  if (typeof answer.access_token !== "string" || !answer.access_token) {
    throw new UnreadableSourceError(`token exchange for ${account.client_email}`, "the answer has no access_token");
  }
  return { token: answer.access_token, account: account.client_email };
}
