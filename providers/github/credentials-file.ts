import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { z } from "zod";
import { filePermissionProblem } from "../../values/secret-ref";
import { SecretValue } from "../../values/secret-value";
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

/** Refuses to start a flow that could not keep its result: the file must not exist yet. */
export function assertCredentialsFileIsNew(path: string): void {
  if (existsSync(path)) {
    throw new GithubFlowError(
      `${path} already exists; name a new file (it will hold the app's private key, mode 0600)`,
    );
  }
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
      writeFileSync(path, credentialsJson(app), { mode: 0o600, flag: "wx" });
    },
    appInstalled({ installedAppUrl }) {
      recordInstalledAppUrl(path, installedAppUrl);
    },
  };
}

/**
 * Completes a credentials file with the installation URL (what `github resume` and
 * `verify` do after an installation wait ran out). The new content goes to a fresh
 * owner-only file renamed over the old one, so the key is never half-written.
 */
export function recordInstalledAppUrl(path: string, installedAppUrl: string): void {
  const current = readCredentialsFile(path);
  const temporary = `${path}.${randomBytes(6).toString("hex")}.tmp`;
  try {
    writeFileSync(temporary, credentialsJson({ ...current, installedAppUrl }), { mode: 0o600, flag: "wx" });
    renameSync(temporary, path);
  } finally {
    rmSync(temporary, { force: true });
  }
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
