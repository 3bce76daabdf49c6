import { existsSync, readFileSync } from "node:fs";
import { z } from "zod";
import { privateStateDir, statePath } from "../../config/local-state";
import { updatePrivateFile } from "../../values/state-files";

/**
 * When a connector's credential was created, as the engine reported it when `up` registered it:
 * GCP the key's `valid_after` (the IAM API's `validAfterTime`), Okta the key slot's `createdAt`,
 * Entra and PingOne the `time_rotating` start. Kept beside the engine state, never a secret.
 */
const credentialRecord = z.strictObject({
  /** ISO 8601: the registered credential's creation, from the engine. */
  createdAt: z.iso.datetime({ offset: true }),
  /** ISO 8601: when `up` registered it. */
  registeredAt: z.iso.datetime({ offset: true }),
  /** Which engine output gave `createdAt`, e.g. `terraform output service_account_key_created_at`. */
  source: z.string().min(1),
});
export type CredentialRecord = z.output<typeof credentialRecord>;

const recordFile = z.record(z.string(), credentialRecord);

/** The tenant's record file: `.state/credentials/<tenant>.json` (tenant names are [a-z0-9-]). */
export function credentialRecordPath(tenant: string): string {
  return statePath("credentials", `${tenant}.json`);
}

/** Every record of a tenant, by connector name; none when `up` has not run on this machine. */
export function readCredentialRecords(tenant: string): Map<string, CredentialRecord> {
  const path = credentialRecordPath(tenant);
  if (!existsSync(path)) return new Map();
  return parseRecords(path, readFileSync(path, "utf8"));
}

function parseRecords(path: string, text: string): Map<string, CredentialRecord> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new Error(`${path}: not valid JSON; delete it and run up again to record the credentials`);
  }
  const checked = recordFile.safeParse(parsed);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    throw new Error(`${path}: ${issue.path.join(".")}: ${issue.message}; delete it and run up again`);
  }
  return new Map(Object.entries(checked.data));
}

/**
 * Records one connector's registered credential (called by `up` right after registering it).
 * Read, changed and written back under the file's lock, the one way state is written
 * (values/state-files.ts): two runs recording at once keep both records, and a run killed
 * mid-write leaves the old record whole.
 */
export function recordCredential(tenant: string, connector: string, record: CredentialRecord): void {
  const checked = credentialRecord.parse(record);
  privateStateDir("credentials");
  const path = credentialRecordPath(tenant);
  updatePrivateFile(path, (current) => {
    const records = current === undefined ? {} : Object.fromEntries(parseRecords(path, current));
    records[connector] = checked;
    return `${JSON.stringify(records, null, 2)}\n`;
  });
}
