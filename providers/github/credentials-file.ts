import { existsSync, readFileSync } from "node:fs";
import { dirname } from "node:path";
import { z } from "zod";
import { filePermissionProblem } from "../../values/secret-ref";
import { SecretValue } from "../../values/secret-value";
import { ensurePrivateFolder, withFileLock, writePrivateFile } from "../../values/state-files";
import { GithubFlowError } from "./errors";
import type { GithubAppHandoff } from "./manifest-flow/manifest";

/** The credentials file `create-app --out` writes (mode 0600) and `verify` reads. */
const credentialsFileSchema = z.strictObject({
  appId: z.number().int().positive(),
  slug: z.string().min(1),
  pem: z.string().includes("PRIVATE KEY"),
  installedAppUrl: z.string().url().optional(),
});

export interface GithubAppCredentials {
  readonly appId: number;
  readonly slug: string;
  readonly pem: SecretValue;
  readonly installedAppUrl?: string;
}

/**
 * Refuses to start a flow that could not keep its result: the file must not exist yet, and its
 * folder must be this user's and writable by no one else (made 0700 when missing), checked
 * before GitHub creates an app whose key would then have nowhere safe to go.
 */
export function assertCredentialsFileIsNew(path: string): void {
  if (existsSync(path)) {
    throw new GithubFlowError(
      `${path} already exists; name a new file (it will hold the app's private key, mode 0600)`,
    );
  }
  ensurePrivateFolder(dirname(path));
}

function credentialsJson(app: { appId: number; slug: string; pem: SecretValue; installedAppUrl?: string }): string {
  const { appId, slug, pem, installedAppUrl } = app;
  const content = { appId, slug, pem: pem.reveal(), ...(installedAppUrl ? { installedAppUrl } : {}) };
  return `${JSON.stringify(content, null, 2)}\n`;
}

/** A handoff that writes the app ID and PEM to a new owner-only file, then adds the installation URL. */
export function credentialsFileHandoff(path: string): GithubAppHandoff {
  return {
    appCreated(app) {
      // Exclusive: a file (or a symlink) that appeared at the name since the check is not overwritten.
      writePrivateFile(path, credentialsJson(app), { exclusive: true });
    },
    appInstalled({ installedAppUrl }) {
      recordInstalledAppUrl(path, installedAppUrl);
    },
  };
}

/**
 * Completes a credentials file with the installation URL (what `github resume` and
 * `verify` do after an installation wait ran out), the one way state is written
 * (values/state-files.ts), so the key is never half-written.
 */
export function recordInstalledAppUrl(path: string, installedAppUrl: string): void {
  // Read, changed and written under the file's lock: a second resume at the same time waits.
  withFileLock(path, () => {
    const current = readCredentialsFile(path);
    writePrivateFile(path, credentialsJson({ ...current, installedAppUrl }));
  });
}

export function readCredentialsFile(path: string): GithubAppCredentials {
  const permissionProblem = filePermissionProblem(path);
  if (permissionProblem) throw new GithubFlowError(permissionProblem);
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, "utf8"));
  } catch {
    // JSON.parse quotes the text it choked on, which may be key material: say less.
    throw new GithubFlowError(`${path} is not a credentials file written by github create-app: not valid JSON`);
  }
  const result = credentialsFileSchema.safeParse(json);
  if (!result.success) {
    const reason = result.error.issues.map((i) => `${i.path.join(".") || "(file)"}: ${i.code}`).join("; ");
    throw new GithubFlowError(`${path} is not a credentials file written by github create-app: ${reason}`);
  }
  const parsed = result.data;
  return {
    appId: parsed.appId,
    slug: parsed.slug,
    pem: new SecretValue(parsed.pem),
    installedAppUrl: parsed.installedAppUrl,
  };
}
