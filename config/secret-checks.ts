import type { PathIssue } from "./cross-checks";
import { parseSecretRef, secretFileProblem } from "../values/secret-ref";

/** Every `file:` reference in raw config data, with its field path. */
function fileRefs(value: unknown, path: PropertyKey[] = []): Array<{ path: PropertyKey[]; text: string }> {
  if (typeof value === "string") return value.startsWith("file:") ? [{ path, text: value }] : [];
  if (Array.isArray(value)) return value.flatMap((item, i) => fileRefs(item, [...path, i]));
  if (value && typeof value === "object") {
    return Object.entries(value).flatMap(([key, item]) => fileRefs(item, [...path, key]));
  }
  return [];
}

/**
 * `file:` secrets must be owner-only regular files of bounded size outside /proc, /sys
 * and /dev; the check reads the type, size and mode, never the file.
 */
export function checkSecretFiles(raw: unknown, configDir: string): PathIssue[] {
  return fileRefs(raw).flatMap(({ path, text }) => {
    const ref = parseSecretRef(text);
    if (typeof ref === "string") return []; // reported by the schema
    const problem = secretFileProblem(ref.filePath(configDir));
    return problem ? [{ path, message: problem }] : [];
  });
}
