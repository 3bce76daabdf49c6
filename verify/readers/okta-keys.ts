import type { Client } from "@okta/okta-sdk-nodejs";
import type { OktaConnectorConfig } from "../../connectors/okta/config";
import { keyRotation } from "../../connectors/common/credential-rotation";
import { printable } from "../../providers/text/printable";
import type { Drift, Fact } from "../reading";
import { oktaRead } from "./okta-read";

/** A JSON Web Key of the app (OAuth2ClientJsonWebKeyResponseBase: `kid`, `status`, `created`). */
export interface AppKey {
  readonly kid?: string | null;
  readonly status?: string;
  readonly created?: string;
}

/**
 * The app's signing keys against the config's `keyRotationDays`: the youngest active key
 * older than that is overdue (older keys beside it are a rotation under way, shown as a fact).
 */
export function keyAgeDrift(connector: OktaConnectorConfig, keys: readonly AppKey[], where: string, now: Date) {
  const active = keys
    .filter((k) => (k.status ?? "ACTIVE") === "ACTIVE" && k.created && !Number.isNaN(Date.parse(k.created)))
    .sort((a, b) => Date.parse(b.created!) - Date.parse(a.created!));
  const facts: Fact[] = [];
  const drift: Drift[] = [];
  const youngest = active[0];
  if (!youngest) return { facts, drift };
  const rotation = keyRotation(new Date(youngest.created!), connector, now);
  const kid = printable(String(youngest.kid ?? "without kid"));
  facts.push({ label: "signing key", value: `${kid}, ${rotation.ageDays} days old` });
  if (active.length > 1)
    facts.push({ label: "older keys", value: `${active.length - 1} still active (rotation under way)` });
  if (rotation.due) {
    drift.push({
      change: "credential too old",
      subject: `okta app key ${kid} @ okta-org:${connector.domain.toLowerCase()}`,
      detail: `${rotation.ageDays} days old, keyRotationDays ${connector.keyRotationDays}`,
      where,
    });
  }
  return { facts, drift };
}

/**
 * `GET /api/v1/apps/{appId}/credentials/jwks` (listJwk, okta.apps.read). Okta's spec
 * (okta-management-openapi-spec fdda229, dist/current/management-minimal.yaml) answers an
 * array, while SDK 8.1.0 deserializes it as `{ keys }` (ListJwk200Response) and would drop
 * an array; so the SDK's own authenticated `http.getJson` is used and both shapes accepted.
 */
export async function readAppKeys(client: Client, appId: string, where: string): Promise<AppKey[]> {
  const url = `${client.baseUrl}/api/v1/apps/${encodeURIComponent(appId)}/credentials/jwks`;
  const answer: unknown = await oktaRead(where, () => client.http.getJson(url));
  const keys = Array.isArray(answer) ? answer : (answer as { keys?: unknown })?.keys;
  return Array.isArray(keys) ? (keys as AppKey[]) : [];
}
