import type { AccessLevel } from "../../connectors/grant";

/**
 * GitHub App permission levels are `read`, `write` and `admin` (GitHub REST OpenAPI
 * description, `components.schemas["app-permissions"]`, as shipped in
 * @octokit/openapi-types 29.0.1 `types.d.ts`). Any other value is not read.
 */
export function githubAppPermissionAccess(level: string): AccessLevel {
  if (level === "read") return "read";
  return level === "admin" ? "admin" : "write";
}
