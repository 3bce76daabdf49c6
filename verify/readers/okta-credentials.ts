import type { Client } from "@okta/okta-sdk-nodejs";
import type { OktaConnectorConfig } from "../../connectors/okta/config";
import { OKTA_CLIENT_AUTHENTICATION } from "../../connectors/okta/grants";
import { printable } from "../../providers/text/printable";
import type { Drift, Fact } from "../reading";
import { oktaRead } from "./okta-read";

/** What verify keeps of a client secret: never the secret itself. */
export interface ClientSecretSummary {
  readonly id: string;
  readonly status: string;
  readonly created?: string;
}

/**
 * `GET /api/v1/apps/{appId}/credentials/secrets` (listOAuth2ClientSecrets, scope okta.apps.read;
 * okta/okta-management-openapi-spec fdda229e82940cf5af4611ad673ca6a27974e31b,
 * dist/current/management-minimal.yaml). Its OAuth2ClientSecret carries `client_secret`, the
 * secret in clear: each answer is cut down to id, status and creation time at once, so the
 * secret is in no variable, error, fact or drift line.
 */
export async function readClientSecrets(client: Client, appId: string, where: string): Promise<ClientSecretSummary[]> {
  const url = `${client.baseUrl}/api/v1/apps/${encodeURIComponent(appId)}/credentials/secrets`;
  const answer: unknown = await oktaRead(where, () => client.http.getJson(url));
  if (!Array.isArray(answer)) return [];
  return answer.map((secret: { id?: unknown; status?: unknown; created?: unknown }) => ({
    id: printable(String(secret?.id ?? "?")),
    status: printable(String(secret?.status ?? "ACTIVE")),
    ...(typeof secret?.created === "string" ? { created: printable(secret.created) } : {}),
  }));
}

/**
 * The app's client authentication and secrets against the catalog: any method but private key JWT
 * lets a secret sign in as the connector, and every active secret is such a way in (admin: it
 * carries all the app may do). Inactive secrets cannot sign in; they are only counted.
 */
export function clientCredentialDrift(
  connector: OktaConnectorConfig,
  found: { authMethod?: string; secrets: readonly ClientSecretSummary[] },
  where: { app: string; secrets: string },
): { drift: Drift[]; facts: Fact[] } {
  const scope = `okta-org:${connector.domain.toLowerCase()}`;
  const drift: Drift[] = [];
  const method = printable(found.authMethod ?? "unknown");
  if (method !== OKTA_CLIENT_AUTHENTICATION) {
    drift.push({
      change: "condition changed",
      subject: `okta app client authentication @ ${scope}`,
      detail: `catalog ${OKTA_CLIENT_AUTHENTICATION}, deployed ${method}`,
      where: where.app,
    });
  }
  for (const secret of found.secrets.filter((s) => s.status === "ACTIVE")) {
    drift.push({
      change: "extra",
      subject: `okta client secret ${secret.id} @ ${scope}`,
      access: "admin",
      detail: `active${secret.created ? `, created ${secret.created}` : ""}; the app signs in with a private key only`,
      where: where.secrets,
    });
  }
  const inactive = found.secrets.length - found.secrets.filter((s) => s.status === "ACTIVE").length;
  return { drift, facts: inactive ? [{ label: "inactive client secrets", value: String(inactive) }] : [] };
}
