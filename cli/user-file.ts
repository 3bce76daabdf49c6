import { readFileSync } from "node:fs";
import { UsageError } from "./io";

/** Why a file named on the command line cannot be read, in words: "not found", not an errno or a parse error. */
export function unreadableReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "ENOENT") return "not found";
  if (code === "EACCES" || code === "EPERM") return "not readable by this user";
  if (code === "EISDIR") return "is a folder, not a file";
  return code ?? (error as Error).message;
}

/** Reads a file named by a flag; a missing or unreadable one is a usage error (exit 2) naming the flag. */
export function readFlagFile(path: string, flag: string): Buffer {
  try {
    return readFileSync(path);
  } catch (error) {
    throw new UsageError(`${flag} ${path}: ${unreadableReason(error)}`);
  }
}
