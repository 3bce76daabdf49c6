import { createPrivateKey } from "node:crypto";

/**
 * Checks the Insights console applies to key fields beyond their text shape. Each returns
 * what is wrong, or undefined; messages never quote the value (it is a private key).
 */

/** A PEM private key must parse, as the console's "PEM Key" field (Okta, GitHub) checks. */
export function pemKeyProblem(value: string): string | undefined {
  try {
    createPrivateKey(value);
    return undefined;
  } catch {
    return "is not a PEM private key";
  }
}

/** Fields of the JSON key file Google downloads that the connector reads. */
const SERVICE_ACCOUNT_KEY_FIELDS = ["client_email", "private_key", "project_id"] as const;

/** A GCP service account key is the JSON file Google downloads, with a usable private key. */
export function serviceAccountKeyProblem(value: string): string | undefined {
  let key: unknown;
  try {
    key = JSON.parse(value);
  } catch {
    return "is not JSON";
  }
  if (typeof key !== "object" || key === null || Array.isArray(key)) return "is not a JSON object";
  const fields = key as Record<string, unknown>;
  if (fields.type !== "service_account") return 'is not a service account key ("type" must be "service_account")';
  for (const field of SERVICE_ACCOUNT_KEY_FIELDS) {
    if (typeof fields[field] !== "string") return `lacks "${field}"`;
  }
  return pemKeyProblem(fields.private_key as string) ? '"private_key" is not a PEM private key' : undefined;
}
