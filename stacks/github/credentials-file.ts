import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { z } from "zod";
import { filePermissionProblem } from "../../config/secret-ref";
import { SecretValue } from "../../config/secret-value";
import { GithubFlowError } from "./errors";
import type { GithubAppHandoff } from "./create-app";

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
    throw new GithubFlowError(`${path} already exists; name a new file (it will hold the app's private key, mode 0600)`);
  }
}

/** A handoff that writes the app ID and PEM to a new owner-only file, then adds the installation URL. */
export function credentialsFileHandoff(path: string): GithubAppHandoff {
  let saved: { appId: number; slug: string; pem: string } | undefined;
  const write = (content: object, flag: "wx" | "w") =>
    writeFileSync(path, `${JSON.stringify(content, null, 2)}\n`, { mode: 0o600, flag });
  return {
    appCreated({ appId, slug, pem }) {
      saved = { appId, slug, pem: pem.reveal() };
      write(saved, "wx");
    },
    appInstalled({ installedAppUrl }) {
      if (!saved) throw new GithubFlowError("internal: installation reported before the app was saved");
      write({ ...saved, installedAppUrl }, "w");
    },
  };
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
  return { appId: parsed.appId, slug: parsed.slug, pem: new SecretValue(parsed.pem), installedAppUrl: parsed.installedAppUrl };
}
