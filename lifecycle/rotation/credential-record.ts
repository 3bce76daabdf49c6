import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { privateFile, privateStateDir, statePath } from "../../stacks/local-state";

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
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, "utf8"));
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
 * Written to a temporary file and renamed, so a run killed mid-write leaves the old record whole.
 */
export function recordCredential(tenant: string, connector: string, record: CredentialRecord): void {
  const records = Object.fromEntries(readCredentialRecords(tenant));
  records[connector] = credentialRecord.parse(record);
  const path = credentialRecordPath(tenant);
  const partial = join(privateStateDir("credentials"), `.${tenant}.json.partial`);
  privateFile(partial);
  writeFileSync(partial, `${JSON.stringify(records, null, 2)}\n`);
  renameSync(partial, path);
}
